import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonRpcTransport } from '#adapters/evm/createJsonRpcTransport.ts';
import { createRawSubmitter } from './createRawSubmitter.ts';

const hash = `0x${'ab'.repeat(32)}`;

/** Answers by the raw bytes sent: each case of the adapter's submit, and the fast path's shape. */
const answers: Record<string, { status: number; body: string }> = {
  '0x01': {
    status: 200,
    body: `{"jsonrpc":"2.0","id":1,"result":"${hash.toUpperCase().replace('0X', '0x')}"}`,
  },
  '0x02': { status: 200, body: `{"id":1,"result":"${hash}","jsonrpc":"2.0"}` },
  '0x03': {
    status: 200,
    body: `{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"reverted","data":{"txHash":"${hash}"}}}`,
  },
  '0x04': { status: 500, body: 'upstream down' },
  '0x05': { status: 200, body: '{"jsonrpc":"2.0","id":1,"result":"0x1234"}' },
};

describe('createRawSubmitter', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        const raw = (JSON.parse(body) as { params: string[] }).params[0]!;
        const answer = answers[raw]!;
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server?.close();
  });

  it('reads every answer as the EVM adapter submit does, by the fast path or the client', async () => {
    const transport = createJsonRpcTransport({ url, timeoutMs: 5_000, maxResponseBytes: 1 << 16 });
    const submit = createRawSubmitter(transport);
    try {
      // The usual acknowledgement (fast path), lower-cased as the block watcher compares ids.
      expect(await submit('0x01')).toEqual({ accepted: true, txId: hash });
      // The same in another field order: the RPC client's interpretation.
      expect(await submit('0x02')).toEqual({ accepted: true, txId: hash });
      // A refusal that names the transaction keeps its id (Hardhat's reverting send).
      expect(await submit('0x03')).toEqual({
        accepted: false,
        error: { code: -32603, message: 'reverted', data: { txHash: hash } },
        reportedTxId: hash,
      });
      expect(await submit('0x04')).toEqual({
        accepted: false,
        error: { code: 'HTTP 500', message: 'upstream down' },
      });
      // A result that is no hash is a malformed answer, thrown as by parseRpcResult.
      await expect(submit('0x05')).rejects.toThrow(/eth_sendRawTransaction .* returned a malformed answer/);
    } finally {
      transport.close();
    }
  });
});
