import { describe, expect, it } from 'vitest';
import type { RawRpcApi, RpcOutcome } from '#core/adapter/ChainAdapter.ts';
import { RpcCallError } from '#core/errors/TargetError.ts';
import { createNetworkTraces, createRpcTrace } from './createRpcTrace.ts';
import { QuantityShape, ReceiptShape } from './jsonRpcShapes.ts';

/** A node that answers each method with a fixed outcome. */
const node = (answers: Record<string, RpcOutcome>): RawRpcApi => {
  const request = async (method: string): Promise<RpcOutcome> =>
    answers[method] ?? { kind: 'error', error: { code: -32601, message: 'nope' }, httpStatus: 200 };
  return {
    request,
    requestOnce: request,
    sendBody: async () => ({ kind: 'http-error', httpStatus: 500, body: '' }),
  };
};

describe('createRpcTrace', () => {
  it('returns a value of the shape and records the exchange', async () => {
    const trace = createRpcTrace(
      node({ eth_blockNumber: { kind: 'result', result: '0x10', httpStatus: 200 } }),
    );
    expect(await trace.read('eth_blockNumber', [], QuantityShape)).toEqual({ ok: true, value: 16n });
    expect(trace.exchanges()).toEqual({
      calls: [{ endpoint: 0, method: 'eth_blockNumber', params: [], answer: { result: '0x10' } }],
      notShown: 0,
    });
  });

  it('names the malformed field and the value received', async () => {
    const trace = createRpcTrace(
      node({ eth_getTransactionReceipt: { kind: 'result', result: { status: 'yes' }, httpStatus: 200 } }),
    );
    const read = await trace.read('eth_getTransactionReceipt', ['0x1'], ReceiptShape);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.problem).toMatch(/^eth_getTransactionReceipt answered a malformed transactionHash: /);
    const padded = await createRpcTrace(
      node({ eth_blockNumber: { kind: 'result', result: '0x010', httpStatus: 200 } }),
    ).read('eth_blockNumber', [], QuantityShape);
    expect(padded).toMatchObject({ ok: false, problem: expect.stringContaining('(got "0x010")') });
  });

  it('turns a JSON-RPC error into a problem and an HTTP error into a thrown target error', async () => {
    const trace = createRpcTrace(
      node({ eth_call: { kind: 'http-error', httpStatus: 502, body: 'bad gateway' } }),
    );
    expect(await trace.read('eth_chainId', [], QuantityShape)).toMatchObject({
      ok: false,
      problem: 'eth_chainId answered error -32601 "nope"',
    });
    await expect(trace.request('eth_call', [])).rejects.toBeInstanceOf(RpcCallError);
  });

  it('abridges long answers and keeps one ordered log across the endpoints of a network', async () => {
    const code = `0x${'60'.repeat(400)}`;
    const [a, b] = createNetworkTraces([
      node({ eth_getCode: { kind: 'result', result: code, httpStatus: 200 } }),
      node({ eth_getCode: { kind: 'result', result: '0x', httpStatus: 200 } }),
    ]);
    await a!.request('eth_getCode', ['0x1', 'latest']);
    await b!.request('eth_getCode', ['0x1', 'latest']);
    const { calls } = b!.exchanges();
    expect(calls.map((c) => c.endpoint)).toEqual([0, 1]);
    expect(calls[0]!.answer).toEqual({ result: `${code.slice(0, 240)}…(802 chars)` });
  });
});
