import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryResultStore } from '#core/store/createMemoryResultStore.ts';
import type { Capability } from '../adapter/Capability.ts';
import type { ChainAdapter, Identity } from '../adapter/ChainAdapter.ts';
import { type AnyCheck, defineCheck } from '../checks/defineCheck.ts';
import { defineLoadScenario } from '../checks/defineLoadScenario.ts';
import { defineParameter } from '../checks/defineParameter.ts';
import type { LoadShardResult } from '../checks/LoadShardResultSchema.ts';
import { TargetUnreachableError } from '../errors/TargetError.ts';
import { type Profile, ProfileSchema } from '../profile/ProfileSchema.ts';
import type { Registry } from '../registry/Registry.ts';
import { executePlan } from './executePlan.ts';
import { finalizeRun } from './finalizeRun.ts';
import { planRun } from './planRun.ts';
import { prepareRun } from './prepareRun.ts';
import { RunRequestSchema } from './RunRequestSchema.ts';

/**
 * The glue between plan, steps and finalize, over an in-memory store and a registry of small
 * checks that never touch a chain (the e2e tests run the real checks on real nodes).
 */

const threshold = defineParameter({
  name: 'threshold',
  schema: z.number().int().min(0),
  description: 'a bound',
});

const simple = (
  id: string,
  kind: 'conformance' | 'property',
  status: 'pass' | 'fail',
  requires: Capability[] = [],
) =>
  defineCheck({
    id,
    catalogueId: `${kind === 'property' ? 'PROP' : 'DEMO'}-0${id.length % 10}`,
    kind,
    title: { zh: id, en: id },
    requires,
    parameters: [threshold],
    faults: [],
    budget: () => [{ kind: 'transfer', count: 2 }],
    description: 'd',
    failsWhen: 'f',
    run: async ({ params, account }) => ({
      status,
      summary: `${id} with threshold ${params.threshold} from ${account?.address ?? 'no account'}`,
    }),
  });

const scenario = defineLoadScenario({
  name: 'demo-load',
  description: 'd',
  checks: [
    {
      id: 'demo-throughput',
      catalogueId: 'PERF-91',
      title: { zh: 't', en: 't' },
      description: 'd',
      failsWhen: 'f',
      faults: [],
    },
  ],
  requires: [],
  parameters: [threshold],
  senders: () => ({ count: 2, budget: [{ kind: 'transfer', count: 5 }] }),
  prepareMs: () => 100,
  async runShard(ctx): Promise<LoadShardResult> {
    return {
      scenario: 'demo-load',
      shardIndex: ctx.shardIndex,
      shardCount: ctx.shardCount,
      rateTps: 1,
      durationS: 1,
      sent: 10,
      accepted: 10,
      rejected: 0,
      committed: 10 - ctx.shardIndex,
      lost: ctx.shardIndex,
      firstSendAtMs: ctx.startAtMs,
      lastInclusionAtMs: ctx.startAtMs + 1_000,
      lastSendAtMs: ctx.startAtMs + 900,
      latencyHistogram: '',
      sendLagHistogram: '',
      rejections: [],
    };
  },
  judge: (shards, _params, startedAt) => [
    {
      checkId: 'demo-throughput',
      kind: 'load',
      status: shards.every((s) => s.lost === 0) ? 'pass' : 'fail',
      summary: `${shards.length} shard(s), ${shards.reduce((n, s) => n + s.committed, 0)} committed`,
      startedAt,
      durationMs: 0,
    },
  ],
});

const checks: AnyCheck[] = [
  simple('tx-demo', 'conformance', 'pass', ['tx.clientSign']),
  simple('ledger-demo', 'conformance', 'fail'),
  simple('prop-demo', 'property', 'pass', ['tx.clientSign']),
];

const profileData = {
  id: 'demo',
  version: '1.0.0',
  title: { zh: '演示', en: 'demo' },
  basis: 'unit test',
  purpose: 'unit test',
  clauses: [
    { id: 'c-tx', title: { zh: '甲', en: 'tx' }, source: 's', modal: '应', area: 'transactions' },
    { id: 'c-ledger', title: { zh: '乙', en: 'ledger' }, source: 's', modal: '宜', area: 'ledger' },
    { id: 'c-perf', title: { zh: '丙', en: 'perf' }, source: 's', modal: '宜', area: 'performance' },
  ],
  checks: {
    'tx-demo': ['c-tx'],
    'ledger-demo': ['c-ledger'],
    'prop-demo': ['c-tx'],
    'demo-throughput': ['c-perf'],
  },
  parameters: {
    checkTimeBudgetMs: { default: 60_000, source: 'unit test' },
    threshold: { default: 3, source: 'unit test' },
  },
  rubric: {
    modalWeights: { 应: 3, 宜: 2, 可: 1 },
    mandatoryModals: ['应'],
    verdictScores: { conform: 1, 'partially-conform': 0.5, nonconform: 0 },
    counting: { 'not-applicable': 'excluded', waived: 'uncovered', 'not-evaluated': 'uncovered' },
    passScore: 80,
    minCoverage: 0.5,
  },
};
const registryOf = (profile: Profile): Registry => ({
  checks,
  loadScenarios: [scenario],
  profiles: [profile],
  adapters: [],
});
const registry = registryOf(ProfileSchema.parse(profileData));

/** A signing adapter whose identities are derived from the seed; nothing else is ever called. */
function fakeAdapter(options: { lost?: boolean } = {}): ChainAdapter {
  return {
    info: {
      family: 'evm',
      endpoint: 'http://x',
      chainId: '1',
      clientVersion: 'v',
      genesisHash: '0x00',
      cryptoSuite: 'secp256k1-keccak256',
      embedded: false,
    },
    capabilities: new Set<Capability>(['block.read', 'tx.clientSign']),
    ledger: {
      getHeight: async () => {
        if (options.lost) throw new TargetUnreachableError('nothing answered at http://x');
        return 1n;
      },
      getBlock: async () => null,
    },
    identities: {
      primary: { address: 'primary', sigAlg: 'secp256k1' },
      derive: (seed: string, count: number): Identity[] =>
        Array.from({ length: count }, (_, i) => ({ address: `${seed}#${i}`, sigAlg: 'secp256k1' as const })),
    },
    transactions: {} as ChainAdapter['transactions'],
    close: async () => {},
  } as ChainAdapter;
}

const runId = '20261130T100000Z-0000abcd';
const request = (over: Record<string, unknown> = {}) =>
  RunRequestSchema.parse({ runId, profile: 'demo', ...over });

async function run(
  options: { concurrent?: boolean; over?: Record<string, unknown>; adapter?: ChainAdapter } = {},
) {
  const store = createMemoryResultStore();
  const adapter = options.adapter ?? fakeAdapter();
  const plan = planRun(request(options.over), registry, { maxConcurrentShards: 4 });
  const deps = { adapter, store, registry, progress: () => {} };
  await prepareRun(plan, deps, { now: () => new Date('2026-11-30T10:00:00Z') });
  const incompleteReason = await executePlan(plan, deps, { concurrent: options.concurrent ?? false });
  const report = await finalizeRun(runId, {
    store,
    registry,
    ...(incompleteReason === undefined ? {} : { incompleteReason }),
    now: () => new Date('2026-11-30T10:01:00Z'),
  });
  return { plan, report, store };
}

describe('planRun', () => {
  it('orders the steps, gives every signing step and every shard its own accounts from the run id', () => {
    const plan = planRun(request({ loadShards: 2, parameters: { threshold: 7 } }), registry, {
      maxConcurrentShards: 4,
    });
    expect(plan.steps.map((s) => s.id)).toEqual(['conformance', 'property', 'load']);
    expect(plan.accounts.map((a) => [a.role, a.seed, a.count])).toEqual([
      ['conformance', `${runId}/conformance`, 1],
      ['property', `${runId}/property`, 1],
      ['load/demo-load/shard-0', `${runId}/load/demo-load/shard-0`, 2],
      ['load/demo-load/shard-1', `${runId}/load/demo-load/shard-1`, 2],
    ]);
    // Two checks of two transfers each on the conformance step.
    expect(plan.accounts[0]?.budget).toEqual([
      { kind: 'transfer', count: 2, value: '0' },
      { kind: 'transfer', count: 2, value: '0' },
    ]);
    expect(plan.steps[2]).toMatchObject({
      scenarios: [{ name: 'demo-load', shardCount: 2, startDelayMs: 2_100 }],
    });
    expect(plan).toMatchObject({
      parameters: { checkTimeBudgetMs: 60_000, threshold: 7 },
      overridden: ['threshold'],
    });
  });

  it('leaves skipped suites out of the steps and records their checks as excluded', () => {
    const plan = planRun(request({ skip: ['property', 'load'] }), registry, { maxConcurrentShards: 4 });
    expect(plan.steps.map((s) => s.id)).toEqual(['conformance']);
    expect(plan.excluded.map((e) => e.checkId)).toEqual(['prop-demo', 'demo-throughput']);
  });

  it('refuses more shards than can run at once, an unknown parameter and a bad value', () => {
    expect(() => planRun(request({ loadShards: 5 }), registry, { maxConcurrentShards: 4 })).toThrow(
      /5 load shards cannot all run at once here \(at most 4\)/,
    );
    expect(() =>
      planRun(request({ parameters: { treshold: 1 } }), registry, { maxConcurrentShards: 4 }),
    ).toThrow(
      /unknown parameter "treshold" for profile demo; known parameters: checkTimeBudgetMs, threshold/,
    );
    expect(() =>
      planRun(request({ parameters: { threshold: -1 } }), registry, { maxConcurrentShards: 4 }),
    ).toThrow(/parameter threshold: .* \(got -1\)/);
    expect(() => planRun(request({ profile: 'nope' }), registry, { maxConcurrentShards: 4 })).toThrow(
      /unknown profile "nope"; known profiles: demo/,
    );
  });
});

describe('prepare → execute → finalize', () => {
  it('stores every verdict, including the load checks judged from the shards, and scores them', async () => {
    const { report, store } = await run({ over: { loadShards: 2 } });
    expect(report.results.map((r) => [r.checkId, r.status])).toEqual([
      ['tx-demo', 'pass'],
      ['ledger-demo', 'fail'],
      ['prop-demo', 'pass'],
      ['demo-throughput', 'fail'],
    ]);
    expect(report.results.find((r) => r.checkId === 'demo-throughput')?.summary).toBe(
      '2 shard(s), 19 committed',
    );
    expect(report.clauses.map((c) => [c.clauseId, c.verdict])).toEqual([
      ['c-tx', 'conform'],
      ['c-ledger', 'nonconform'],
      ['c-perf', 'nonconform'],
    ]);
    expect(report.run).toMatchObject({
      status: 'complete',
      plannedSteps: ['prepare', 'conformance', 'property', 'load', 'finalize'],
    });
    expect(report.profile).toMatchObject({
      id: 'demo',
      version: '1.0.0',
      digest: expect.stringMatching(/^sha256:/),
    });
    // Each step wrote as it went: the run record first, the report last.
    expect(store.writes[0]).toBe(`run ${runId} running`);
    expect(store.writes.at(-2)).toBe(`report ${runId}`);
  });

  it('runs each step with its own account', async () => {
    const { report } = await run();
    expect(report.results.find((r) => r.checkId === 'tx-demo')?.summary).toContain(`${runId}/conformance#0`);
    expect(report.results.find((r) => r.checkId === 'prop-demo')?.summary).toContain(`${runId}/property#0`);
  });

  it('gives the same verdicts when every step runs at once', async () => {
    const sequential = await run();
    const concurrent = await run({ concurrent: true });
    const verdicts = (r: typeof sequential.report) => r.results.map((x) => [x.checkId, x.status]);
    expect(verdicts(concurrent.report)).toEqual(verdicts(sequential.report));
    expect(concurrent.report.clauses).toEqual(sequential.report.clauses);
  });

  it('records skipped suites as excluded, never as passed, and their clauses as not evaluated', async () => {
    const { report } = await run({ over: { skip: ['property', 'load'] } });
    expect(report.results.find((r) => r.checkId === 'prop-demo')).toMatchObject({
      status: 'skip',
      skipReason: 'excluded',
    });
    expect(report.clauses.find((c) => c.clauseId === 'c-perf')?.verdict).toBe('not-evaluated');
    expect(report.clauses.find((c) => c.clauseId === 'c-tx')?.verdict).toBe('not-evaluated');
  });

  it('ends a run whose target stops answering as incomplete, keeping what was stored', async () => {
    const erroring = defineCheck({
      ...simple('tx-demo', 'conformance', 'pass', ['tx.clientSign']),
      run: async () => {
        throw new TargetUnreachableError('nothing answered at http://x');
      },
    });
    const reg: Registry = { ...registry, checks: [erroring, ...checks.slice(1)] };
    const store = createMemoryResultStore();
    const adapter = fakeAdapter({ lost: true });
    const plan = planRun(request(), reg, { maxConcurrentShards: 4 });
    const deps = { adapter, store, registry: reg, progress: () => {} };
    await prepareRun(plan, deps);
    const reason = await executePlan(plan, deps);
    expect(reason).toBe('target http://x stopped answering during check "tx-demo"');
    const report = await finalizeRun(runId, {
      store,
      registry: reg,
      ...(reason ? { incompleteReason: reason } : {}),
    });
    expect(report.run).toMatchObject({ status: 'incomplete', incompleteReason: reason });
    expect(report.overall.verdict).toBe('incomplete');
    expect(report.results.map((r) => [r.checkId, r.status])).toEqual([['tx-demo', 'error']]);
  });

  it('refuses to finalize with a profile whose content changed since the plan', async () => {
    const store = createMemoryResultStore();
    const plan = planRun(request(), registry, { maxConcurrentShards: 4 });
    await prepareRun(plan, { adapter: fakeAdapter(), store, progress: () => {} });
    const changed = registryOf(
      ProfileSchema.parse({ ...profileData, rubric: { ...profileData.rubric, passScore: 60 } }),
    );
    await expect(finalizeRun(runId, { store, registry: changed })).rejects.toThrow(
      /profile demo changed since run/,
    );
  });
});
