import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import type { CliIo } from '#cli/CliIo.ts';
import { findFreePort } from '#cli/embedded/findFreePort.ts';
import {
  anvilDevPrivateKey,
  embeddedNodeControl,
  type RunningAnvil,
  startAnvil,
} from '#cli/embedded/startAnvil.ts';
import { main } from '#cli/main.ts';
import { createHookNodeControl } from '#conformance/operations/createHookNodeControl.ts';
import { NodeHooksFileSchema } from '#conformance/operations/NodeHooksFileSchema.ts';
import type { ChainAdapter, Identity, NodeControlApi } from '#core/adapter/ChainAdapter.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { ReportSchema } from '#core/report/ReportSchema.ts';
import { createFixtureCache, runCheck } from '#core/run/runCheck.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { createCheckRunner } from '../support/createCheckRunner.ts';
import { type RunningNode, startNode } from '../support/RunningNode.ts';
import { resolveTestProfile } from '../support/resolveTestProfile.ts';
import { ganacheDevPrivateKey } from '../support/startGanache.ts';

const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
/** Short enough that a stalled network costs seconds; automine commits in milliseconds. */
const parameters = { receiptTimeoutMs: 3_000, nodeRestartTimeoutMs: 15_000 };

/** Runs a registered check over several endpoints with the step account `account`. */
async function runOnNetwork(
  checkId: string,
  network: ChainAdapter[],
  account: Identity | undefined,
): Promise<CheckResult> {
  const { resolved, values, requirements } = resolveTestProfile('jrt-0193-2020', parameters);
  const check = resolved.checks.find((c) => c.id === checkId);
  const [adapter] = network;
  if (!check || !adapter) throw new Error(`no check ${checkId} or no endpoint`);
  return runCheck(check, {
    adapter,
    network,
    params: values,
    requirements,
    account,
    fixtures: createFixtureCache(),
    progress: () => {},
    signal: new AbortController().signal,
  });
}

/** ganache 7.9.2 keeping its chain in a folder (`--database.dbPath`), on a port that survives restarts. */
function ganacheLaunch(dbPath: string) {
  return {
    name: 'ganache',
    packageName: 'ganache',
    binName: 'ganache',
    args: (port: number) => [
      '--server.host',
      '127.0.0.1',
      '--server.port',
      String(port),
      '--wallet.deterministic',
      '--logging.quiet',
      '--database.dbPath',
      dbPath,
    ],
    devPrivateKey: ganacheDevPrivateKey,
    chainId: 1337,
  } as const;
}

/** HTTP hooks for one node: POST /stop and /start on a small control server, as a vendor's orchestration. */
async function startControlServer(
  actions: Record<string, () => Promise<void>>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const action = actions[(req.url ?? '').slice(1)];
    if (!action) {
      res.writeHead(404);
      res.end();
      return;
    }
    action().then(
      () => {
        res.writeHead(204);
        res.end();
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('OPS-03 ops-restart-keeps-history', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chaineval-ops03-'));
  let ganache: RunningNode;
  let control: { url: string; close(): Promise<void> };
  let proxy: RunningFaultProxy;
  let anvil: RunningAnvil;
  afterAll(async () => {
    await proxy?.close();
    await control?.close();
    await ganache?.stop();
    await anvil?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeAll(async () => {
    const port = await findFreePort();
    const launch = ganacheLaunch(join(dataDir, 'ganache'));
    ganache = await startNode(launch, { port });
    control = await startControlServer({
      stop: () => ganache.stop(),
      start: async () => {
        ganache = await startNode(launch, { port });
      },
    });
    proxy = await startFaultProxy({ upstreamUrl: ganache.url });
  }, 30_000);
  const hooks = () =>
    createHookNodeControl(
      NodeHooksFileSchema.parse({
        version: 1,
        nodes: [
          {
            name: 'ganache',
            endpoint: 0,
            stop: { http: { url: `${control.url}/stop` } },
            start: { http: { url: `${control.url}/start` } },
          },
        ],
      }),
    );
  const runnerFor = async (url: string, nodeControl: NodeControlApi, privateKey: `0x${string}`) =>
    createCheckRunner(
      await createEvmAdapter({ url, signer: { kind: 'local-key', privateKey }, nodeControl }),
      {
        parameters,
        fundedTransactions: 10,
      },
    );

  it('passes on ganache 7.9.2 keeping its chain in --database.dbPath, stopped and started through HTTP hooks', async () => {
    const result = await (await runnerFor(ganache.url, hooks(), ganacheDevPrivateKey)).run(
      'ops-restart-keeps-history',
    );
    expect(result.status, result.summary).toBe('pass');
    expect(result.summary).toMatch(
      /^node "ganache" answered \d+ ms after its restart with head \d+ \(was \d+\), \d blocks, the transfer, its receipt and the balance unchanged, and a new transfer committed$/,
    );
  });

  it('runs through the CLI with --node-hooks: OPS-03 restarts the --target node through the hooks file', async () => {
    const hooksFile = join(dataDir, 'hooks.yaml');
    writeFileSync(
      hooksFile,
      [
        'version: 1',
        'nodes:',
        '  - name: ganache',
        '    endpoint: 0',
        `    stop: { http: { url: "${control.url}/stop" } }`,
        `    start: { http: { url: "${control.url}/start" } }`,
      ].join('\n'),
    );
    const keyFile = join(dataDir, 'ganache.key');
    writeFileSync(keyFile, `${ganacheDevPrivateKey}\n`);
    const out = join(dataDir, 'out');
    const lines: string[] = [];
    const io: CliIo = {
      out: (t) => lines.push(t),
      progress: (t) => lines.push(t),
      error: (t) => lines.push(t),
      color: false,
    };
    const code = await main(
      [
        'evaluate',
        '--target',
        ganache.url,
        '--private-key-file',
        keyFile,
        '--node-hooks',
        hooksFile,
        '--skip',
        'property,load',
        '--dynamodb-endpoint',
        inject('dynamoEndpoint'),
        '--table',
        'ops-hooks-e2e',
        '--out',
        out,
      ],
      io,
    );
    const output = lines.join('\n');
    expect(code, output).toBe(0);
    const runId = /report (\d{8}T\d{6}Z-[0-9a-f]{8}):/.exec(output)?.[1];
    const report = ReportSchema.parse(
      JSON.parse(readFileSync(join(out, runId ?? '?', 'report.json'), 'utf8')),
    );
    const resultOf = (checkId: string) => report.results.find((r) => r.checkId === checkId);
    expect(resultOf('ops-restart-keeps-history'), output).toMatchObject({ status: 'pass' });
    expect(resultOf('ops-restart-keeps-history')?.summary).toMatch(
      /^node "ganache" answered \d+ ms after its restart/,
    );
    // One controllable validator: CON-03 says why it cannot stop f of 3f + 1, not that hooks are missing.
    expect(resultOf('consensus-crash-tolerance')?.summary).toMatch(/needs n >= 4/);
  }, 180_000);

  it('fails under restart-loses-history: blocks before the restart answered null', async () => {
    const runner = await runnerFor(proxy.url, hooks(), ganacheDevPrivateKey);
    proxy.setFaults(['restart-loses-history']);
    try {
      const result = await runner.run('ops-restart-keeps-history');
      expect(result.status, result.summary).toBe('fail');
      expect(result.summary).toMatch(
        /^after restarting node "ganache": block 1 is gone \(it was 0x[0-9a-f]{64}\);/,
      );
      expect(result.summary).toMatch(
        /the receipt of 0x[0-9a-f]{64} changed: \{"kind":"result","result":null/,
      );
    } finally {
      proxy.setFaults([]);
    }
  });

  it('fails on an anvil run in memory: the restarted node is a fresh chain (the realistic "restart loses state")', async () => {
    anvil = await startAnvil();
    const pidBefore = anvil.pid;
    let exited = false;
    void anvil.exited.then(() => {
      exited = true;
    });
    const result = await (await runnerFor(anvil.url, embeddedNodeControl(anvil), anvilDevPrivateKey)).run(
      'ops-restart-keeps-history',
    );
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(
      /^after restarting node "embedded anvil .*": the head went back from \d+ to 0; (block 0 is 0x[0-9a-f]{64}, it was 0x[0-9a-f]{64}; )?block 1 is gone/,
    );
    // A controlled restart is a new process, not the chain dying: `exited` stays pending.
    expect(anvil.pid).not.toBe(pidBefore);
    expect(exited).toBe(false);
  });

  it('is skipped (unsupported capability) on an endpoint without node control', async () => {
    const runner = await createCheckRunner(
      await createEvmAdapter({
        url: ganache.url,
        signer: { kind: 'local-key', privateKey: ganacheDevPrivateKey },
      }),
      { fundedTransactions: 0 },
    );
    const result = await runner.run('ops-restart-keeps-history');
    expect(result).toMatchObject({
      status: 'skip',
      skipReason: 'unsupported-capability',
      summary: 'adapter "evm" lacks node.control',
    });
  });
});

/**
 * A network of four "nodes" for CON-03: four fault proxies in front of one anvil, each stopped and
 * started through HTTP hooks (a node-hooks file) served by a small control server, as a vendor's
 * orchestration would. They share one ledger, so this tests the check's logic (commit, no fork,
 * restore), not a consensus protocol.
 */
describe('CON-03 consensus-crash-tolerance', () => {
  let anvil: RunningAnvil;
  const proxies: RunningFaultProxy[] = [];
  const faultsOf: FaultName[][] = [[], [], [], []];
  let control: Server;
  let network: ChainAdapter[];
  let account: Identity | undefined;

  beforeAll(async () => {
    anvil = await startAnvil();
    for (let i = 0; i < 4; i++) proxies.push(await startFaultProxy({ upstreamUrl: anvil.url }));
    control = createServer((req, res) => {
      const [, , index, action] = (req.url ?? '').split('/');
      const i = Number(index);
      const proxy = proxies[i];
      const done = (status: number) => {
        res.writeHead(status);
        res.end();
      };
      if (proxy === undefined) return done(404);
      if (action === 'stop') void proxy.close().then(() => done(204));
      else if (action === 'start')
        void startFaultProxy({ upstreamUrl: anvil.url, port: proxy.port, faults: faultsOf[i] ?? [] }).then(
          (p) => {
            proxies[i] = p;
            done(204);
          },
        );
      else done(404);
    });
    await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(control.address() as AddressInfo).port}/nodes`;
    const hooks = createHookNodeControl(
      NodeHooksFileSchema.parse({
        version: 1,
        nodes: proxies.map((_, i) => ({
          name: `validator-${i}`,
          endpoint: i,
          stop: { http: { url: `${base}/${i}/stop` } },
          start: { http: { url: `${base}/${i}/start` } },
        })),
      }),
    );
    network = await Promise.all(
      proxies.map((p) => createEvmAdapter({ url: p.url, signer, nodeControl: hooks })),
    );
    account = (await createCheckRunner(network[0] as ChainAdapter, { fundedTransactions: 10 })).account;
  });
  afterEach(() => {
    for (const [i, p] of proxies.entries()) {
      faultsOf[i] = [];
      p.setFaults([]);
    }
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (control ? control.close(() => resolve()) : resolve()));
    await Promise.all(proxies.map((p) => p.close().catch(() => undefined)));
    await anvil?.stop();
  });

  const withFault = (index: number, faults: FaultName[]) => {
    faultsOf[index] = faults;
    proxies[index]?.setFaults(faults);
  };

  it('passes with 1 of 4 validators stopped: the transfer commits and the 3 others show the same block; validator-3 restored', async () => {
    const result = await runOnNetwork('consensus-crash-tolerance', network, account);
    expect(result.status, result.summary).toBe('pass');
    expect(result.summary).toMatch(
      /^with 1 of 4 validators stopped \(validator-3\), the transfer committed in block \d+ and all 3 surviving endpoint\(s\) show it with hash 0x[0-9a-f]{64}$/,
    );
    expect(result.evidence?.restored).toEqual([{ name: 'validator-3', answeredAfterMs: expect.any(Number) }]);
    expect((await network[3]?.rpc?.request('eth_chainId', []))?.kind).toBe('result');
  });

  it('fails under consensus-stalled: transactions are accepted and never committed', async () => {
    withFault(0, ['consensus-stalled']);
    const result = await runOnNetwork('consensus-crash-tolerance', network, account);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(
      /^with 1 of 4 validators stopped \(validator-3\), the transfer 0x[0-9a-f]{64} was not committed within 3000 ms: the network lost liveness within its fault bound$/,
    );
  });

  it('fails when a surviving endpoint shows another block at that height (forged-block-hash on validator-1)', async () => {
    withFault(1, ['forged-block-hash']);
    const result = await runOnNetwork('consensus-crash-tolerance', network, account);
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(
      /the surviving endpoints disagree on block \d+ .*: endpoint 1 \(validator-1\) has 0x[0-9a-f]{64}$/,
    );
  });

  it('is skipped with the reason on the embedded anvil: one controllable node, 4 needed', async () => {
    const single = await createEvmAdapter({
      url: anvil.url,
      signer,
      nodeControl: embeddedNodeControl(anvil),
    });
    const result = await runOnNetwork('consensus-crash-tolerance', [single], account);
    expect(result).toMatchObject({
      status: 'skip',
      skipReason: 'precondition',
      summary: expect.stringMatching(
        /^CON-03 stops f of n = 3f\+1 validators and needs n >= 4 \(f >= 1\); node\.control controls 1 validator\(s\) \(embedded anvil/,
      ),
    });
  });
});
