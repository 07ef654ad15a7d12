import { describe, expect, it } from 'vitest';
import { createFaultContexts } from './createFaultContexts.ts';
import type { FaultName } from './faultCatalogue.ts';
import { handleJsonRpcBody } from './handleJsonRpcBody.ts';
import { createProxyState } from './ProxyState.ts';
import type { UpstreamClient } from './UpstreamClient.ts';

/** An in-memory chain: answers from a table, records what reached it. No network. */
function fakeUpstream(answer: (request: { id: unknown; method: string }) => unknown) {
  const bodies: string[] = [];
  const upstream: UpstreamClient = {
    async forward(body) {
      const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
      bodies.push(text);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return { status: 200, text: '{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"parse"}}' };
      }
      const reply = Array.isArray(parsed) ? parsed.map((r) => answer(r)) : answer(parsed as never);
      return { status: 200, text: `${JSON.stringify(reply)}\n` };
    },
    async call() {
      return undefined;
    },
  };
  return { upstream, bodies };
}

const block = {
  number: '0x1',
  hash: `0x${'11'.repeat(32)}`,
  parentHash: `0x${'22'.repeat(32)}`,
  transactions: [],
};
const chain = (request: { id: unknown; method: string }) =>
  request.method === 'eth_getBlockByNumber'
    ? { jsonrpc: '2.0', id: request.id, result: block }
    : { jsonrpc: '2.0', id: request.id, result: '0x7a69' };
const context = (upstream: UpstreamClient, faults: FaultName[] = [], allowedNamespaces?: string[]) => {
  const state = createProxyState();
  return {
    upstream,
    state,
    faults: new Set(faults),
    allowedNamespaces,
    contextOf: createFaultContexts(state, upstream),
  };
};
const body = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('handleJsonRpcBody', () => {
  it("returns the chain's exact bytes when no fault applies", async () => {
    const { upstream, bodies } = fakeUpstream(chain);
    const request = Buffer.from('{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}');
    const reply = await handleJsonRpcBody(request, context(upstream));
    expect(reply).toEqual({ status: 200, body: '{"jsonrpc":"2.0","id":1,"result":"0x7a69"}\n' });
    expect(bodies).toEqual([request.toString()]);
  });

  it('answers blocked batch members itself, forwards the rest, and keeps request order', async () => {
    const { upstream, bodies } = fakeUpstream(chain);
    const batch = [
      { jsonrpc: '2.0', id: 'a', method: 'anvil_mine', params: [] },
      { jsonrpc: '2.0', id: 'b', method: 'eth_chainId', params: [] },
    ];
    const reply = await handleJsonRpcBody(body(batch), context(upstream, [], ['eth']));
    expect(JSON.parse(reply.body)).toEqual([
      { jsonrpc: '2.0', id: 'a', error: { code: -32601, message: 'Method not found' } },
      { jsonrpc: '2.0', id: 'b', result: '0x7a69' },
    ]);
    expect(JSON.parse(bodies[0] ?? '')).toEqual([batch[1]]);
  });

  it('still answers the members it blocked when the rest were notifications the chain answered with nothing', async () => {
    const { upstream } = fakeUpstream(chain);
    upstream.forward = async () => ({ status: 204, text: '' });
    const batch = [
      { jsonrpc: '2.0', method: 'eth_blockNumber' },
      { jsonrpc: '2.0', id: 0, method: 'chainevalfuzz_a' },
    ];
    const reply = await handleJsonRpcBody(body(batch), context(upstream, [], ['eth']));
    expect(JSON.parse(reply.body)).toEqual([
      { jsonrpc: '2.0', id: 0, error: { code: -32601, message: 'Method not found' } },
    ]);
  });

  it('matches batch answers by id and applies faults to each', async () => {
    const reversed = fakeUpstream(chain);
    const forward = reversed.upstream.forward;
    reversed.upstream.forward = async (b) => {
      const reply = await forward(b);
      return { ...reply, text: JSON.stringify((JSON.parse(reply.text) as unknown[]).reverse()) };
    };
    const batch = [
      { jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: ['0x1', false] },
      { jsonrpc: '2.0', id: 2, method: 'eth_chainId', params: [] },
    ];
    const reply = await handleJsonRpcBody(body(batch), context(reversed.upstream, ['forged-block-hash']));
    const [first, second] = JSON.parse(reply.body) as [{ result: typeof block }, { result: string }];
    expect(first.result.hash).not.toBe(block.hash);
    expect(first.result.parentHash).toBe(block.parentHash);
    expect(second.result).toBe('0x7a69');
  });

  it('forwards malformed JSON verbatim and rewrites only the error code under wrong-error-codes', async () => {
    const { upstream, bodies } = fakeUpstream(chain);
    const clean = await handleJsonRpcBody(Buffer.from('{"jsonrpc":'), context(upstream));
    expect(JSON.parse(clean.body).error.code).toBe(-32600);
    const faulty = await handleJsonRpcBody(
      Buffer.from('{"jsonrpc":'),
      context(upstream, ['wrong-error-codes']),
    );
    expect(JSON.parse(faulty.body).error).toEqual({ code: -32000, message: 'parse' });
    expect(bodies).toEqual(['{"jsonrpc":', '{"jsonrpc":']);
  });
});
