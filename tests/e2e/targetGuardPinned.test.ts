import http from 'node:http';
import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJsonRpcTransport } from '#adapters/evm/createJsonRpcTransport.ts';
import { type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { assertTargetAllowed } from '../../lambdas/shared/assertTargetAllowed.ts';
import { pinTargetConnections } from '../../lambdas/shared/pinTargetConnections.ts';

/**
 * Deliverable 6 of issue 10 on a real connection: after the guard checked a host's addresses, the
 * real JSON-RPC transport reaches the target through those addresses, with no second resolution.
 * The host is a `.invalid` name (RFC 6761: never resolves), so an answer can only come through the
 * pinned, checked address; any other name is refused before a socket opens.
 */
describe('the target guard pins the transport to the addresses it checked', () => {
  const originals = { http: http.globalAgent, https: https.globalAgent };
  let anvil: RunningAnvil;

  beforeAll(async () => {
    anvil = await startAnvil();
  });
  afterAll(async () => {
    http.globalAgent.destroy();
    https.globalAgent.destroy();
    http.globalAgent = originals.http;
    https.globalAgent = originals.https;
    await anvil?.stop();
  });

  const chainId = '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}';
  const transportTo = (url: string) =>
    createJsonRpcTransport({ url, timeoutMs: 5_000, maxResponseBytes: 65_536 });

  it('connects a checked name to the checked address, and refuses other names', async () => {
    const host = 'chain.invalid';
    const checked = ['127.0.0.1'];
    assertTargetAllowed({
      targetUrl: `http://${host}:${anvil.port}`,
      resolvedAddresses: checked,
      allowedHosts: [host, '127.0.0.1'],
    });
    pinTargetConnections(host, checked);

    const answer = await transportTo(`http://${host}:${anvil.port}`).post(chainId);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ result: '0x7a69' });

    // localhost resolves to loopback through the system resolver; the pin never asks it.
    await expect(transportTo(`http://localhost:${anvil.port}`).post(chainId)).rejects.toThrow(/localhost/);
  });

  it('re-pins for the next target and drops the kept-alive sockets of the previous one', async () => {
    pinTargetConnections('other.invalid', ['127.0.0.1']);
    await expect(transportTo(`http://chain.invalid:${anvil.port}`).post(chainId)).rejects.toThrow();
    const answer = await transportTo(`http://other.invalid:${anvil.port}`).post(chainId);
    expect(answer.status).toBe(200);
  });
});
