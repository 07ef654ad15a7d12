import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { createFixtureCache, runCheck } from '#core/run/runCheck.ts';
import { createTokenBucket, throttledReply } from '#fault-proxy/faults/rateLimitBypassed.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { createCheckRunner } from '../support/createCheckRunner.ts';
import { resolveTestProfile } from '../support/resolveTestProfile.ts';
import { useAnvilBehindProxy } from '../support/useAnvilBehindProxy.ts';

const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
/** A key-like path segment: the recorded endpoint shows it as *** (core/security/redactUrl.ts). */
const apiKey = 'k3y0123456789abcdefXYZ';

interface Limiter {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A rate-limiting, key-checking gateway as a deployment puts in front of its node: POST /rpc/<key>
 * only (401 otherwise), a token bucket of 20 requests refilled at 100/s, throttled calls answered
 * HTTP 429 with JSON-RPC -32005 (fault-proxy/faults/rateLimitBypassed.ts).
 */
async function startLimiter(upstreamUrl: string): Promise<Limiter> {
  const bucket = createTokenBucket(100, 20);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (req.url !== `/rpc/${apiKey}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            jsonrpc: '2.0',
            id: null,
            error: { code: -32001, message: 'unauthorized: missing api key' },
          }),
        );
        return;
      }
      if (!bucket.take()) {
        const reply = throttledReply(null);
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(reply.body);
        return;
      }
      try {
        const upstream = await fetch(upstreamUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: Buffer.concat(chunks),
        });
        res.writeHead(upstream.status, { 'content-type': 'application/json' });
        res.end(await upstream.text());
      } catch {
        res.writeHead(502);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/rpc/${apiKey}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** API-07, API-08 and API-03 on a real anvil, and each under the fault built for it. */
describe('JSON-RPC object and policy checks on anvil', () => {
  const env = useAnvilBehindProxy({ fundedTransactions: 10, embedded: false });

  describe('API-07 api-response-shapes', () => {
    it('passes on anvil: blocks, transactions, the receipt and its logs conform and agree', async () => {
      const result = await env.onAnvil.run('api-response-shapes');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^2 blocks, \d+ transaction\(s\), the receipt and 3 logs conform and agree$/,
      );
      // anvil adds a receipt member execution-apis does not define, as a JSON number: recorded, not judged.
      expect(result.evidence?.extraMembers).toMatchObject({
        receipt: expect.arrayContaining(['blockTimestamp']),
      });
    });

    it('fails under malformed-quantities: "0x02" where execution-apis forbids leading zeros', async () => {
      const result = await env.runUnder(['malformed-quantities'], 'api-response-shapes');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(/genesis block \.number: expected a uint quantity .* \("0x00"\)/);
      const issues = result.actual as { at: string; problem: string; value?: string }[];
      expect(issues).toContainEqual(
        expect.objectContaining({
          at: expect.stringMatching(/^transaction 0x[0-9a-f]{64} \.nonce$/),
          value: expect.stringMatching(/^"0x0/),
        }),
      );
    });
  });

  describe('API-08 api-chain-id-consistent', () => {
    it('passes on anvil: 0x7a69 on every call, net_version 31337, transactions bound to 31337', async () => {
      const result = await env.onAnvil.run('api-chain-id-consistent');
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^eth_chainId 0x7a69 on 6 calls over 1 endpoint\(s\), net_version 31337 \(= chain id\), \d+ transaction\(s\) bound to chain 31337$/,
      );
    });

    it('passes over two endpoints of the same chain and fails when the second is another chain', async () => {
      const account = env.onAnvil.account;
      const { resolved, values, requirements } = resolveTestProfile();
      const check = resolved.checks.find((c) => c.id === 'api-chain-id-consistent');
      if (!check || !account) throw new Error('check or account missing');
      const run = (network: ChainAdapter[]) =>
        runCheck(check, {
          adapter: env.direct,
          network,
          params: values,
          requirements,
          account,
          fixtures: createFixtureCache(),
          progress: () => {},
          signal: new AbortController().signal,
        });
      const same = await run([env.direct, env.proxied]);
      expect(same.status, same.summary).toBe('pass');
      expect(same.summary).toMatch(/ on 12 calls over 2 endpoint\(s\)/);
      const other = await startAnvil();
      try {
        // anvil's default chain id, re-announced: a second chain with the same id but its own ledger
        // would pass this check (LED-04 compares ledgers); a different chain id must not.
        const foreign = await createEvmAdapter({ url: other.url, signer });
        await foreign.rpc?.request('anvil_setChainId', [1337]);
        const mixed = await run([env.direct, foreign]);
        expect(mixed.status).toBe('fail');
        expect(mixed.summary).toContain('endpoint 1 eth_chainId answered 0x539 besides the announced 0x7a69');
      } finally {
        await other.stop();
      }
    });

    it('fails under chain-id-flapping: every second eth_chainId is 0x7a6a', async () => {
      const result = await env.runUnder(['chain-id-flapping'], 'api-chain-id-consistent');
      expect(result.status).toBe('fail');
      expect(result.summary).toBe(
        'endpoint 0 eth_chainId answered 0x7a6a besides the announced 0x7a69 (0x7a69 0x7a6a 0x7a69 0x7a6a 0x7a69 0x7a6a)',
      );
    });
  });

  describe('API-03 api-rate-limited-authenticated', () => {
    let limiter: Limiter;
    let bypassing: RunningFaultProxy;
    beforeAll(async () => {
      limiter = await startLimiter(env.anvil.url);
      bypassing = await startFaultProxy({ upstreamUrl: limiter.url });
    });
    afterAll(async () => {
      await bypassing?.close();
      await limiter?.close();
    });
    const runnerFor = async (url: string) =>
      createCheckRunner(await createEvmAdapter({ url, signer }), { fundedTransactions: 0 });

    it('fails on bare anvil: 200 calls in a burst, none throttled (an honest finding for a dev node)', async () => {
      const result = await env.onAnvil.run('api-rate-limited-authenticated');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^none of 200 eth_chainId calls sent 20 at a time \(in \d+ ms\) was throttled: 200 served$/,
      );
    });

    it('passes behind a gateway that checks an API key and throttles with HTTP 429 / -32005', async () => {
      const runner = await runnerFor(limiter.url);
      const result = await runner.run('api-rate-limited-authenticated', { requireAuth: true });
      expect(result.status, result.summary).toBe('pass');
      expect(result.summary).toMatch(
        /^a call without credentials is refused; \d+ of 200 burst calls throttled \(HTTP 429\), served again after \d+ ms$/,
      );
      expect(result.evidence?.unauthenticatedCall).toMatchObject({
        endpoint: expect.stringMatching(/\/rpc\/\*\*\*$/),
        answer: { httpStatus: 401 },
        refused: true,
      });
    });

    it('fails requireAuth on bare anvil: it answers a caller without credentials', async () => {
      const result = await env.onAnvil.run('api-rate-limited-authenticated', {
        requireAuth: true,
        requireRateLimit: false,
      });
      expect(result.status).toBe('fail');
      expect(result.summary).toBe(
        `${env.anvil.url} answers eth_chainId ("0x7a69") to a caller without credentials`,
      );
    });

    it('fails under rate-limit-bypassed: a front gateway retries every throttled answer until it is served', async () => {
      bypassing.setFaults(['rate-limit-bypassed']);
      const runner = await runnerFor(bypassing.url);
      const result = await runner.run('api-rate-limited-authenticated');
      expect(result.status).toBe('fail');
      expect(result.summary).toMatch(
        /^none of 200 eth_chainId calls sent 20 at a time \(in \d+ ms\) was throttled: 200 served$/,
      );
    });
  });
});
