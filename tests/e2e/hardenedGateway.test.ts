import { randomBytes } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { createJsonRpcTransport } from '#adapters/evm/createJsonRpcTransport.ts';
import { createLocalDynamoClient } from '#cli/embedded/createLocalDynamoClient.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { findProfile } from '#core/profile/resolveProfile.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { executePlan } from '#core/run/executePlan.ts';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import { newRunId } from '#core/run/newRunId.ts';
import { planRun } from '#core/run/planRun.ts';
import { prepareRun } from '#core/run/prepareRun.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import { registry } from '#registry/index.ts';
import { createDynamoReportStore, ensureTable } from '#reports/store/createDynamoReportStore.ts';
import { type CheckRunner, createCheckRunner } from '../support/createCheckRunner.ts';
import { anvilVerdicts } from '../support/nodeVerdicts/index.ts';
import { type RunningNginxGateway, startNginxGateway } from '../support/startNginxGateway.ts';

/** The methods API-01 probes under the default profile. */
const dangerousMethods = findProfile(registry, 'jrt-0193-2020').parameters.dangerousRpcMethods
  ?.default as string[];
/** The operator key the adapters sign with: anvil's first dev account, which anvil also holds. */
const operator = privateKeyToAccount(anvilDevPrivateKey).address.toLowerCase();

/**
 * Checks that fail on bare anvil and pass behind the gateway (docs/hardened-gateway.md): TLS
 * (NET-05), API exposure (API-01), and oversized or non-JSON requests refused (API-05).
 */
const earnedByTheGateway = [
  'net-rpc-tls',
  'api-dangerous-methods-hidden',
  'api-oversized-and-malformed-requests',
];

/**
 * Issue 7 item 10: anvil behind the hardened gateway of deploy/gateway (Debian nginx 1.22.1 with
 * njs 0.7.9: TLS from the test CA of tests/fixtures/tls, a JSON-RPC method allow-list, a body bound
 * and a per-client rate limit). The same checks, through the same runner, fail on bare anvil and
 * pass behind the gateway; the whole profile behind it shows the gateway takes nothing away.
 */
describe('anvil behind the hardened nginx gateway (deploy/gateway)', () => {
  let anvil: RunningAnvil;
  let gateway: RunningNginxGateway;
  let onAnvil: CheckRunner;
  let viaGateway: CheckRunner;

  beforeAll(async () => {
    anvil = await startAnvil();
    gateway = await startNginxGateway({ upstreamUrl: anvil.url });
    const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
    onAnvil = await createCheckRunner(await createEvmAdapter({ url: anvil.url, signer }), {
      fundedTransactions: 1,
    });
    viaGateway = await createCheckRunner(
      await createEvmAdapter({ url: gateway.url, signer, caCertPem: gateway.caCertPem }),
      { fundedTransactions: 1 },
    );
  });
  afterAll(async () => {
    await gateway?.stop();
    await anvil?.stop();
  });

  describe('NET-05 net-rpc-tls turns from fail to pass', () => {
    it('fails on bare anvil: JSON-RPC over plain HTTP', async () => {
      const result = await onAnvil.run('net-rpc-tls');
      expect(result).toMatchObject({ status: 'fail', actual: 'http (plaintext)' });
      expect(result.summary).toMatch(/^http:\/\/127\.0\.0\.1:\d+ is not encrypted/);
    });

    it('passes behind the gateway: TLS 1.3, certificate for 127.0.0.1 verified against the test CA', async () => {
      const result = await viaGateway.run('net-rpc-tls');
      expect(result).toMatchObject({ status: 'pass', actual: 'TLSv1.3, certificate verified' });
      expect(result.evidence).toMatchObject({
        endpoint: gateway.url,
        customCaConfigured: true,
        handshake: {
          kind: 'verified',
          protocol: 'TLSv1.3',
          certificate: {
            subject: 'CN=127.0.0.1',
            issuer: 'CN=chaineval test CA (test only)',
            subjectAltName: 'IP Address:127.0.0.1, DNS:localhost',
          },
        },
      });
    });
  });

  describe('API-01 api-dangerous-methods-hidden turns from fail to pass', () => {
    it('fails on bare anvil: cheat codes and tracing served, and it signs for its dev accounts', async () => {
      const result = await onAnvil.run('api-dangerous-methods-hidden');
      expect(result.status).toBe('fail');
      expect(result.actual).toMatchObject({
        exposed: [
          { method: 'debug_traceTransaction' },
          { method: 'anvil_setBalance' },
          { method: 'hardhat_setBalance' },
        ],
      });
      expect((result.actual as { signsFor: string[] }).signsFor).toContain(operator);
    });

    it('passes behind the gateway: every probed method answered -32601 by the allow-list, nothing signed', async () => {
      const result = await viaGateway.run('api-dangerous-methods-hidden');
      expect(result).toMatchObject({
        status: 'pass',
        summary: `none of ${dangerousMethods.length} dangerous methods is reachable unauthenticated, and the node signs for nobody`,
        actual: { exposed: [], signsFor: [] },
      });
      const evidence = result.evidence as {
        probes: { method: string; reason: string }[];
        signing: { listedAccounts: string[]; probes: { method: string; account: string; reason: string }[] };
      };
      expect(evidence.probes.map((p) => [p.method, p.reason])).toEqual(
        dangerousMethods.map((m) => [m, '-32601: the method is not provided']),
      );
      // eth_accounts is not forwarded, so only the harness's own account is left to probe.
      expect(evidence.signing.listedAccounts).toEqual([]);
      expect(evidence.signing.probes.map((p) => [p.method, p.account, p.reason])).toEqual([
        ['eth_sign', operator, '-32601: the method is not provided'],
        ['eth_sendTransaction', operator, '-32601: the method is not provided'],
      ]);
    });
  });

  describe('API-02 api-jsonrpc-error-codes', () => {
    it('passes on bare anvil with a recorded deviation: malformed JSON answered -32600', async () => {
      const result = await onAnvil.run('api-jsonrpc-error-codes');
      expect(result.status).toBe('pass');
      expect(result.actual).toMatchObject({ 'parse-error': -32600 });
      expect(result.summary).toMatch(/tolerated deviation: parse-error answered -32600/);
    });

    it('passes behind the gateway with every code as specified: the gateway answers -32700 itself', async () => {
      const result = await viaGateway.run('api-jsonrpc-error-codes');
      expect(result).toMatchObject({
        status: 'pass',
        summary: 'all 4 error cases answered the specified codes',
        actual: {
          'unknown-method': -32601,
          'invalid-params': -32602,
          'invalid-request': -32600,
          'parse-error': -32700,
        },
      });
    });
  });

  describe('what the gateway does on the wire', () => {
    const post = (body: string) =>
      createJsonRpcTransport({
        url: gateway.url,
        timeoutMs: 10_000,
        maxResponseBytes: 1_000_000,
        caCertPem: gateway.caCertPem,
      }).post(body);

    it('answers a mixed batch in request order: forwarded results, its own -32601 and -32600, nothing for notifications', async () => {
      const { status, body } = await post(
        JSON.stringify([
          { jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] },
          { jsonrpc: '2.0', id: 'sign', method: 'eth_sign', params: [operator, '0x00'] },
          5,
          { jsonrpc: '2.0', method: 'anvil_mine', params: [] },
          { jsonrpc: '2.0', id: 3, method: 'net_version' },
        ]),
      );
      expect(status).toBe(200);
      expect(JSON.parse(body)).toEqual([
        { jsonrpc: '2.0', id: 1, result: '0x7a69' },
        { jsonrpc: '2.0', id: 'sign', error: { code: -32601, message: 'Method not found' } },
        {
          jsonrpc: '2.0',
          id: null,
          error: { code: -32600, message: 'Invalid Request: not a request object' },
        },
        { jsonrpc: '2.0', id: 3, result: '31337' },
      ]);
    });

    it('forwards the method it parsed, whatever key order or duplicate a client sends', async () => {
      // JSON.parse keeps the last "method"; the node gets the gateway's re-serialisation, never the raw bytes.
      const { body } = await post('{"jsonrpc":"2.0","id":7,"method":"eth_chainId","method":"anvil_mine"}');
      expect(JSON.parse(body)).toEqual({
        jsonrpc: '2.0',
        id: 7,
        error: { code: -32601, message: 'Method not found' },
      });
    });

    it('refuses a body over 1 MiB with HTTP 413 and a JSON-RPC error, before the node sees it', async () => {
      const { status, body } = await post(
        JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_call', params: ['x'.repeat(1_100_000)] }),
      );
      expect(status).toBe(413);
      expect(JSON.parse(body)).toMatchObject({ id: null, error: { code: -32600 } });
    });

    it('refuses a body that is not declared JSON with HTTP 415: no CORS-simple text/plain request reaches the node', async () => {
      const { status, body } = await postRaw(
        gateway,
        'text/plain',
        '{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}',
      );
      expect(status).toBe(415);
      expect(JSON.parse(body)).toEqual({
        jsonrpc: '2.0',
        id: null,
        error: { code: -32600, message: 'Invalid Request: Content-Type must be application/json' },
      });
    });

    it('refuses a batch larger than 100 requests as a whole', async () => {
      const batch = Array.from({ length: 101 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'eth_chainId' }));
      expect(JSON.parse((await post(JSON.stringify(batch))).body)).toEqual({
        jsonrpc: '2.0',
        id: null,
        error: { code: -32600, message: 'Invalid Request: batch of 101 requests, at most 100 are accepted' },
      });
    });

    it('logs the methods each request called, for the operator audit trail', async () => {
      await post('{"jsonrpc":"2.0","id":1,"method":"personal_unlockAccount","params":[]}');
      expect(await gateway.accessLog()).toMatch(
        /"POST \/ HTTP\/1\.1" 200 \d+ methods=personal_unlockAccount /,
      );
    });

    it('throttles a burst above its rate limit with HTTP 429 and JSON-RPC -32005, and serves the rest', async () => {
      const strict = await startNginxGateway({
        upstreamUrl: anvil.url,
        rateLimit: { ratePerSecond: 2, burst: 2 },
      });
      try {
        const transport = createJsonRpcTransport({
          url: strict.url,
          timeoutMs: 10_000,
          maxResponseBytes: 100_000,
          caCertPem: strict.caCertPem,
        });
        const answers = await Promise.all(
          Array.from({ length: 20 }, () =>
            transport.post('{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}'),
          ),
        );
        const limited = answers.filter((a) => a.status === 429);
        expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(0);
        expect(limited.length).toBeGreaterThan(0);
        for (const { body } of limited) {
          expect(JSON.parse(body)).toMatchObject({ id: null, error: { code: -32005 } });
        }
      } finally {
        await strict.stop();
      }
    });
  });
});

/** One POST with a chosen Content-Type (the adapter's transport always sends application/json). */
function postRaw(on: RunningNginxGateway, contentType: string, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpsRequest(
      on.url,
      { method: 'POST', ca: on.caCertPem, headers: { 'content-type': contentType }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', reject);
    req.end(body);
  });
}

/** The small property and load budget of implementations.test.ts: seconds, yet every check gets a verdict. */
const parameters = {
  propertyNumRuns: 2,
  propertyMaxCommands: 4,
  loadRateTps: 10,
  loadDurationS: 2,
  loadDrainS: 5,
  ledgerSampleBlocks: 64,
  // Both runs share one anvil, which PROP-07's known crashers would stop (docs/adr/0009).
  rpcFuzzKnownCrashers: false,
};

/**
 * The whole jrt-0193-2020 profile behind the gateway, through the real pipeline (results in
 * DynamoDB Local), as `chaineval evaluate --target https://… --ca-file …` runs it. The allow-list
 * must not take away anything a check needs (raw sends, receipts, logs, proofs, calls, filters):
 * every check keeps its bare-anvil verdict except the two the gateway earns.
 */
describe('the whole jrt-0193-2020 profile behind the gateway', () => {
  const client = createLocalDynamoClient(inject('dynamoEndpoint'));
  const tableName = `hardened-gateway-${randomBytes(4).toString('hex')}`;
  let anvil: RunningAnvil | undefined;
  let gateway: RunningNginxGateway | undefined;
  let adapter: ChainAdapter | undefined;
  let report: Report | undefined;

  beforeAll(async () => {
    await ensureTable({ client, tableName });
    const store = createDynamoReportStore({ client, tableName });
    anvil = await startAnvil();
    gateway = await startNginxGateway({ upstreamUrl: anvil.url });
    adapter = await createEvmAdapter({
      url: gateway.url,
      signer: { kind: 'local-key', privateKey: anvilDevPrivateKey },
      caCertPem: gateway.caCertPem,
      embedded: false,
    });
    const request = RunRequestSchema.parse({ runId: newRunId(), profile: 'jrt-0193-2020', parameters });
    const plan = planRun(request, registry, { maxConcurrentShards: 1 });
    const deps = { adapter, store, registry, progress: () => {} };
    await prepareRun(plan, deps);
    const incompleteReason = await executePlan(plan, deps);
    report = await finalizeRun(plan.runId, {
      store,
      registry,
      ...(incompleteReason === undefined ? {} : { incompleteReason }),
    });
  }, 180_000);
  afterAll(async () => {
    await adapter?.close();
    await gateway?.stop();
    await anvil?.stop();
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    client.destroy();
  });

  const ran = (): Report => {
    if (!report) throw new Error('the profile run did not finish; see the beforeAll error');
    return report;
  };

  it('completes with no inconclusive (error) verdict', () => {
    expect(ran().run.status).toBe('complete');
    const errors = ran().results.filter((r) => r.status === 'error');
    expect(errors.map((r) => `${r.checkId}: ${r.summary}`)).toEqual([]);
  });

  it('earns the TLS, API-exposure and malformed-request passes', () => {
    for (const checkId of earnedByTheGateway) {
      const result = ran().results.find((r) => r.checkId === checkId);
      expect(result?.status, `${checkId}: ${result?.summary}`).toBe('pass');
    }
  });

  it('takes nothing a check needs: no check that passes or skips on bare anvil does worse behind the gateway', () => {
    // A check failing on bare anvil may pass here (the gateway refuses what anvil accepts); the
    // reverse would mean the allow-list, TLS or the rate limit broke something a check relies on.
    const worse = ran().results.flatMap((r) => {
      const bare = anvilVerdicts[r.checkId]?.status;
      const acceptable =
        bare === 'pass' ? ['pass'] : bare === 'skip' ? ['skip', 'pass'] : ['pass', 'fail', 'skip'];
      return acceptable.includes(r.status)
        ? []
        : [
            `${r.checkId}: ${r.status} behind the gateway, ${bare ?? 'no verdict'} on bare anvil (${r.summary})`,
          ];
    });
    expect(worse).toEqual([]);
  });

  it('still fails CR-01: the node signs with secp256k1/keccak256, which no gateway changes', () => {
    const suite = ran().results.find((r) => r.checkId === 'crypto-declared-suite');
    expect(suite?.status).toBe('fail');
    expect(suite?.summary).toBe('suite not allowed by profile: secp256k1-keccak256 is not one of sm2-sm3');
  });

  it('passes the transaction, contract, property and load checks that pass on bare anvil', () => {
    const sending = ran().results.filter(
      (r) =>
        /^(tx-|contract-|property-|perf-)/.test(r.checkId) && anvilVerdicts[r.checkId]?.status === 'pass',
    );
    expect(sending.length).toBeGreaterThanOrEqual(6);
    expect(sending.filter((r) => r.status !== 'pass').map((r) => `${r.checkId}: ${r.summary}`)).toEqual([]);
  });
});
