import { request as httpsRequest } from 'node:https';
import { type Hex, keccak256 } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { maxRequestBytes, type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { loadTestCertificates } from '#fault-proxy/testCertificates.ts';

interface RpcAnswer {
  readonly id?: unknown;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

async function rpc(url: string, method: string, params: unknown[] = []): Promise<RpcAnswer> {
  return (await post(url, JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }))).json;
}

async function post(url: string, body: string): Promise<{ status: number; json: RpcAnswer }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, json: (await response.json()) as RpcAnswer };
}

/** eth_chainId over node:https, trusting only `ca`: what a client with the test CA sees. */
function httpsChainId(url: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const body = '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}';
    const req = httpsRequest(
      url,
      { method: 'POST', ca, agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => resolve((JSON.parse(text) as { result: string }).result));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('fault proxy in front of anvil', () => {
  const account = privateKeyToAccount(anvilDevPrivateKey);
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  let firstTx: Hex;

  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    // One transfer through the proxy: block 1 then has a transaction, and the proxy has seen its bytes.
    firstTx = await account.signTransaction({
      chainId: 31337,
      to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
      value: 1n,
      nonce: 0,
      gas: 21_000n,
      maxFeePerGas: 2_000_000_000n,
      maxPriorityFeePerGas: 1n,
    });
    const sent = await rpc(proxy.url, 'eth_sendRawTransaction', [firstTx]);
    expect(sent.result).toBe(keccak256(firstTx));
  });

  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  it('is transparent without faults: the same blocks as the chain itself', async () => {
    proxy.setFaults([]);
    for (const number of ['0x0', '0x1']) {
      const direct = await rpc(anvil.url, 'eth_getBlockByNumber', [number, true]);
      expect(direct.result).not.toBeNull();
      expect(await rpc(proxy.url, 'eth_getBlockByNumber', [number, true])).toEqual(direct);
    }
  });

  it.each([
    ['forged-block-hash', 'hash', ['0x0', '0x1']],
    ['broken-parent-link', 'parentHash', ['0x1']],
    ['wrong-transactions-root', 'transactionsRoot', ['0x1']],
  ] as const)('%s changes %s of blocks %j and nothing else', async (fault, field, changed) => {
    proxy.setFaults([fault]);
    for (const number of ['0x0', '0x1']) {
      const direct = (await rpc(anvil.url, 'eth_getBlockByNumber', [number, false])).result as Record<
        string,
        Hex
      >;
      const seen = (await rpc(proxy.url, 'eth_getBlockByNumber', [number, false])).result as Record<
        string,
        Hex
      >;
      const original = direct[field] as Hex;
      const expected = (changed as readonly string[]).includes(number)
        ? { ...direct, [field]: keccak256(original) }
        : direct;
      expect(seen).toEqual(expected);
    }
    proxy.setFaults([]);
  });

  it("replay-accepted turns the chain's rejection of a resent transaction into success", async () => {
    proxy.setFaults([]);
    const rejected = await rpc(proxy.url, 'eth_sendRawTransaction', [firstTx]);
    expect(rejected.error?.message).toBeTruthy();
    proxy.setFaults(['replay-accepted']);
    expect(await rpc(proxy.url, 'eth_sendRawTransaction', [firstTx])).toEqual({
      jsonrpc: '2.0',
      id: 1,
      result: keccak256(firstTx),
    });
    // The chain itself did not take it: the sender's nonce is still 1.
    expect((await rpc(anvil.url, 'eth_getTransactionCount', [account.address, 'latest'])).result).toBe('0x1');
    proxy.setFaults([]);
  });

  it('wrong-chain-id-accepted acknowledges a transaction for another chain; tampered-tx-accepted leaves it alone', async () => {
    const foreign = await account.signTransaction({
      chainId: 1,
      to: account.address,
      value: 1n,
      nonce: 1,
      gas: 21_000n,
      maxFeePerGas: 2_000_000_000n,
      maxPriorityFeePerGas: 1n,
    });
    expect((await rpc(anvil.url, 'eth_sendRawTransaction', [foreign])).error).toBeDefined();
    proxy.setFaults(['tampered-tx-accepted']);
    expect((await rpc(proxy.url, 'eth_sendRawTransaction', [foreign])).error).toBeDefined();
    // A fresh proxy: the bytes are new to it, and it must learn anvil's chain id (31337) from anvil.
    const fresh = await startFaultProxy({ upstreamUrl: anvil.url, faults: ['wrong-chain-id-accepted'] });
    try {
      expect((await rpc(fresh.url, 'eth_sendRawTransaction', [foreign])).result).toBe(keccak256(foreign));
    } finally {
      await fresh.close();
    }
    proxy.setFaults([]);
  });

  it("forwards malformed JSON to the chain and rewrites only the chain's error code under wrong-error-codes", async () => {
    const malformed = '{"jsonrpc":"2.0","id":1,"method":';
    const direct = await post(anvil.url, malformed);
    proxy.setFaults([]);
    expect(await post(proxy.url, malformed)).toEqual(direct);
    proxy.setFaults(['wrong-error-codes']);
    const faulty = await post(proxy.url, malformed);
    expect(faulty.json.error).toEqual({ ...direct.json.error, code: -32000 });
    expect(direct.json.error?.code).not.toBe(-32000);
    proxy.setFaults([]);
  });

  it('rejects a body over 8 MiB with a JSON-RPC error', async () => {
    const { status, json } = await post(proxy.url, `"${'a'.repeat(maxRequestBytes)}"`);
    expect(status).toBe(413);
    expect(json.error?.code).toBe(-32600);
  });

  it('answers garbage, delays, and streams a huge body without falling over when the client leaves', async () => {
    proxy.setFaults(['garbage-responses']);
    const garbage = await fetch(proxy.url, {
      method: 'POST',
      body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}',
    });
    expect(garbage.status).toBe(200);
    await expect(garbage.json()).rejects.toThrow(SyntaxError);

    proxy.setFaults(['huge-responses']);
    const huge = await fetch(proxy.url, {
      method: 'POST',
      body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}',
    });
    const reader = huge.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value ?? []).toString()).toMatch(/^\{"jsonrpc":"2.0","id":1,"result":"0x/);
    await reader.cancel();

    const slow = await startFaultProxy({ upstreamUrl: anvil.url, faults: ['slow-responses'], delayMs: 300 });
    const started = performance.now();
    expect((await rpc(slow.url, 'eth_chainId')).result).toBe('0x7a69');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await slow.close();

    proxy.setFaults([]);
    expect((await rpc(proxy.url, 'eth_chainId')).result).toBe('0x7a69');
  });

  it('with allowedNamespaces blocks anvil_* before the chain, passes eth_*, and admin-namespace-exposed overrides it', async () => {
    const gateway = await startFaultProxy({
      upstreamUrl: anvil.url,
      allowedNamespaces: ['eth', 'net', 'web3'],
    });
    try {
      const before = (await rpc(anvil.url, 'eth_blockNumber')).result;
      expect(await rpc(gateway.url, 'anvil_mine', ['0x1'])).toEqual({
        jsonrpc: '2.0',
        id: 1,
        error: { code: -32601, message: 'Method not found' },
      });
      expect((await rpc(anvil.url, 'eth_blockNumber')).result).toBe(before);
      expect((await rpc(gateway.url, 'eth_chainId')).result).toBe('0x7a69');
      expect((await rpc(gateway.url, 'admin_nodeInfo')).error?.code).toBe(-32601);
      gateway.setFaults(['admin-namespace-exposed']);
      expect((await rpc(gateway.url, 'admin_nodeInfo')).result).toMatchObject({ ip: '127.0.0.1' });
    } finally {
      await gateway.close();
    }
  });

  it('serves HTTPS that a client trusting the test CA accepts, and fails it under untrusted-certificate', async () => {
    const certificates = loadTestCertificates();
    const tls = await startFaultProxy({
      upstreamUrl: anvil.url,
      tls: { keyPem: certificates.serverKeyPem, certPem: certificates.serverCertPem },
    });
    try {
      expect(tls.url).toMatch(/^https:\/\/127\.0\.0\.1:/);
      expect(await httpsChainId(tls.url, certificates.caCertPem)).toBe('0x7a69');
      tls.setFaults(['untrusted-certificate']);
      await expect(httpsChainId(tls.url, certificates.caCertPem)).rejects.toMatchObject({
        code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      });
      tls.setFaults([]);
      expect(await httpsChainId(tls.url, certificates.caCertPem)).toBe('0x7a69');
    } finally {
      await tls.close();
    }
  });

  it('refuses untrusted-certificate without TLS, and unknown fault names', async () => {
    await expect(
      startFaultProxy({ upstreamUrl: anvil.url, faults: ['untrusted-certificate'] }),
    ).rejects.toThrow(/needs a TLS proxy/);
    await expect(
      startFaultProxy({ upstreamUrl: anvil.url, faults: ['no-such-fault' as FaultName] }),
    ).rejects.toThrow(/invalid fault proxy options/);
  });

  it('stops listening on close()', async () => {
    const closing = await startFaultProxy({ upstreamUrl: anvil.url });
    expect((await rpc(closing.url, 'eth_chainId')).result).toBe('0x7a69');
    await closing.close();
    await expect(rpc(closing.url, 'eth_chainId')).rejects.toThrow();
  });
});
