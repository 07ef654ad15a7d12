import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import type { CliIo } from '#cli/CliIo.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import { main } from '#cli/main.ts';
import { ReportSchema } from '#core/report/ReportSchema.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { type CheckRunner, createCheckRunner } from '../support/createCheckRunner.ts';
import type { RunningNode } from '../support/RunningNode.ts';
import { startGanache } from '../support/startGanache.ts';
import { startHardhat } from '../support/startHardhat.ts';

/** Small and fixed: each suite's pass and fail takes seconds, and a failure is the same every time. */
const parameters = {
  propertyNumRuns: 2,
  propertyMaxCommands: 4,
  propertySeed: 20_261_130,
  receiptTimeoutMs: 5_000,
  propertyTimeBudgetMs: 60_000,
};

/** Each suite of issue 8 with the faults it is built to catch (its `faults`). */
const suites: readonly { readonly checkId: string; readonly faults: readonly FaultName[] }[] = [
  { checkId: 'property-contract-storage-model', faults: ['historical-state-reads-latest', 'logs-dropped'] },
  { checkId: 'property-deployment-model', faults: ['code-truncated', 'contract-address-misreported'] },
  { checkId: 'property-revert-model', faults: ['lying-receipts', 'revert-leaks-state'] },
  { checkId: 'property-nonce-race-model', faults: ['tampered-tx-accepted'] },
  { checkId: 'property-replay-model', faults: ['replay-accepted'] },
];

describe('model-based property suites on a real anvil, and under the fault proxy', () => {
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  let clean: CheckRunner;
  let faulty: CheckRunner;

  beforeAll(async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url, faults: [] });
    const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
    clean = await createCheckRunner(await createEvmAdapter({ url: anvil.url, signer, embedded: true }), {
      parameters,
      fundedTransactions: 2_000,
    });
    // Funded with the proxy clean; each case below switches its fault on only for the check.
    faulty = await createCheckRunner(await createEvmAdapter({ url: proxy.url, signer }), {
      parameters,
      fundedTransactions: 2_000,
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  it.each(suites.map((s) => [s.checkId] as const))(
    '%s passes on anvil and records its seed',
    async (checkId) => {
      const result = await clean.run(checkId);
      expect(result.status, result.summary).toBe('pass');
      expect(result.property).toMatchObject({ seed: parameters.propertySeed, numRuns: 2 });
      expect(result.property?.commandsExecuted).toBeGreaterThan(0);
      expect(result.property?.commands).toBeUndefined();
    },
  );

  it.each(suites.flatMap((s) => s.faults.map((fault) => [s.checkId, fault] as const)))(
    '%s fails under %s with a shrunk counterexample as data',
    async (checkId, fault) => {
      proxy.setFaults([fault]);
      try {
        const result = await faulty.run(checkId);
        expect(result.status, result.summary).toBe('fail');
        const run = result.property;
        expect(run?.seed).toBe(parameters.propertySeed);
        expect(run?.path).toMatch(/^\d+(:\d+)*$/);
        expect(run?.commands?.length).toBeGreaterThan(0);
        expect(run?.counterexample).toHaveLength(run?.commands?.length ?? -1);
        expect(run?.failingStep).toBe((run?.commands?.length ?? 0) - 1);
        expect(run?.failure).toBe(result.summary.replace(/^the chain disagreed with the .* model: /, ''));
      } finally {
        proxy.setFaults([]);
      }
    },
  );
});

/**
 * A node with a mempool: anvil mining a block a second, so a burst is pending together and the second
 * of a same-nonce pair meets the first still pending (refused as an underpriced replacement).
 */
describe('model-based property suites on anvil with 1 s blocks (transactions wait in the mempool)', () => {
  const short = { ...parameters, propertyNumRuns: 1, propertyMaxCommands: 3 };
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  let runner: CheckRunner;

  beforeAll(async () => {
    anvil = await startAnvil({ blockTimeS: 1 });
    proxy = await startFaultProxy({ upstreamUrl: anvil.url, faults: [] });
    const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
    runner = await createCheckRunner(await createEvmAdapter({ url: proxy.url, signer }), {
      parameters: short,
      fundedTransactions: 2_000,
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  it.each(suites.map((s) => [s.checkId] as const))('%s passes', async (checkId) => {
    const result = await runner.run(checkId);
    expect(result.status, result.summary).toBe('pass');
  });

  it('property-nonce-race-model still fails under tampered-tx-accepted: the spent nonce resent is acknowledged', async () => {
    proxy.setFaults(['tampered-tx-accepted']);
    try {
      const result = await runner.run('property-nonce-race-model');
      expect(result.status, result.summary).toBe('fail');
      expect(result.property?.failure).toMatch(
        /accepted a (second|third) transaction with nonce \d+, already used/,
      );
    } finally {
      proxy.setFaults([]);
    }
  });
});

/**
 * Each suite on the other two implementations, with the verdict their real behaviour earns (the same
 * expectations as tests/support/nodeVerdicts/propertyVerdicts.ts, here with the failing step).
 */
describe.each([
  ['Hardhat 2.29.1', startHardhat, {}],
  [
    'ganache 7.9.2',
    startGanache,
    {
      // ganache 7.9.2 treats nonce 0 as unused after it was spent (toolchain.md): both are true failures.
      'property-nonce-race-model':
        /accepted a (second|third) transaction with nonce 0, already used by included/,
      'property-replay-model': /accepted a replay of included transaction/,
    },
  ],
] as const)('model-based property suites on %s', (_, start, failures: Readonly<Record<string, RegExp>>) => {
  let node: RunningNode;
  let runner: CheckRunner;

  beforeAll(async () => {
    node = await start();
    const adapter = await createEvmAdapter({
      url: node.url,
      signer: { kind: 'local-key', privateKey: node.devPrivateKey },
      embedded: false,
    });
    runner = await createCheckRunner(adapter, { parameters, fundedTransactions: 2_000 });
  });
  afterAll(async () => {
    await node?.stop();
  });

  it.each(suites.map((s) => [s.checkId] as const))('%s', async (checkId) => {
    const result = await runner.run(checkId);
    const failure = failures[checkId];
    if (failure === undefined) {
      expect(result.status, result.summary).toBe('pass');
      return;
    }
    expect(result.status, result.summary).toBe('fail');
    expect(result.property?.failure).toMatch(failure);
  });
});

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    progress: (line) => err.push(line),
    error: (line) => err.push(line),
    color: false,
  };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('chaineval replay <reportId> <checkId>', () => {
  let anvil: RunningAnvil;
  let proxy: RunningFaultProxy;
  const dir = mkdtempSync(join(tmpdir(), 'chaineval-replay-'));
  const out = join(dir, 'out');
  const keyFile = join(dir, 'funded.key');
  const store = ['--dynamodb-endpoint', inject('dynamoEndpoint'), '--table', 'property-replay-e2e'];
  let reportId: string | undefined;

  beforeAll(async () => {
    writeFileSync(keyFile, `${anvilDevPrivateKey}\n`);
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url, faults: ['replay-accepted'] });
  });
  afterAll(async () => {
    await proxy?.close();
    await anvil?.stop();
  });

  it('reruns the shrunk counterexample a fault-proxy run recorded, on the same and on a clean target', async () => {
    const run = await cli([
      'evaluate',
      ...store,
      '--profile',
      'quick',
      '--target',
      proxy.url,
      '--private-key-file',
      keyFile,
      '--out',
      out,
      '--param',
      `propertySeed=${parameters.propertySeed}`,
      // Replay needs the chain afterwards; PROP-07's known crashers would stop it (docs/adr/0009).
      '--param',
      'rpcFuzzKnownCrashers=false',
    ]);
    reportId = /report (\d{8}T\d{6}Z-[0-9a-f]{8})/.exec(`${run.out}\n${run.err}`)?.[1];
    expect(reportId, run.err).toBeDefined();
    const report = ReportSchema.parse(
      JSON.parse(readFileSync(join(out, `${reportId}`, 'report.json'), 'utf8')),
    );
    const recorded = report.results.find((r) => r.checkId === 'property-replay-model');
    expect(recorded?.status, recorded?.summary).toBe('fail');
    const commands = recorded?.property?.commands ?? [];
    // Shrunk to the transfer whose immediate replay was acknowledged (FreshTransfer replays itself).
    expect(commands.map((c) => c.name)).toEqual(['FreshTransfer']);
    expect(recorded?.property?.failingStep).toBe(commands.length - 1);

    const replay = await cli([
      'replay',
      `${reportId}`,
      'property-replay-model',
      '--target',
      proxy.url,
      '--private-key-file',
      keyFile,
      '--out',
      out,
    ]);
    expect(replay.code, replay.err).toBe(0);
    expect(replay.out).toContain('✗ 1. FreshTransfer(');
    expect(replay.out).toMatch(
      /reproduced: step 1 failed: FreshTransfer\(.*\): the node accepted a replay of included/,
    );

    // Another target, without the defect: the same commands now hold.
    const clean = await cli([
      'replay',
      `${reportId}`,
      'property-replay-model',
      '--target',
      anvil.url,
      '--private-key-file',
      keyFile,
      '--out',
      out,
    ]);
    expect(clean.code, clean.err).toBe(3);
    expect(clean.out).toContain('not reproduced (pass)');
  });

  it('refuses what it cannot replay in one line, exit 1', async () => {
    const cases: [string[], RegExp][] = [
      [['replay', 'not-a-report', 'property-replay-model'], /is not a report id like/],
      [['replay', '20261124T101500Z-1a2b3c4d'], /replay needs a report id and a check id/],
      [
        ['replay', '20261124T101500Z-1a2b3c4d', 'property-replay-model', '--out', out, ...store],
        /no report 20261124T101500Z-1a2b3c4d/,
      ],
      [
        ['replay', `${reportId}`, 'property-transfer-model', '--out', out],
        /status pass; only a failed property check records a counterexample/,
      ],
      [
        ['replay', `${reportId}`, 'tx-raw-replay-rejected', '--out', out],
        /is a conformance result with status fail/,
      ],
      [
        ['replay', `${reportId}`, 'property-replay-model', '--target', anvil.url, '--out', out],
        /--target needs --private-key-file/,
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(result.err).toMatch(message);
    }
  });
});
