import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import { anvilDevPrivateKey, type RunningAnvil, startAnvil } from '#cli/embedded/startAnvil.ts';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { findProfile, resolveProfile } from '#core/profile/resolveProfile.ts';
import type { Registry } from '#core/registry/Registry.ts';
import { executeLoadStep } from '#core/run/executeLoadStep.ts';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import { newRunId } from '#core/run/newRunId.ts';
import { planRun } from '#core/run/planRun.ts';
import { prepareRun } from '#core/run/prepareRun.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import type { FaultName } from '#fault-proxy/faultCatalogue.ts';
import { restrictProfile } from '#fault-proxy/selftest/restrictProfile.ts';
import { type RunningFaultProxy, startFaultProxy } from '#fault-proxy/startFaultProxy.ts';
import { registry as fullRegistry } from '#registry/index.ts';
import { openTestStore, type TestStore } from '../support/openTestStore.ts';

const signer = { kind: 'local-key', privateKey: anvilDevPrivateKey } as const;
const queryCheck = 'perf-query-throughput';
const capacityCheck = 'perf-capacity';

/** Short on purpose: 2 s per capacity step, 2 s of reads at 20/s (40 reads ≥ loadMinTransactions). */
const shortLoad = {
  loadRateTps: 20,
  loadDrainS: 5,
  loadCapacityStepS: 2,
  loadCapacityMaxSteps: 1,
  queryRateRps: 20,
  queryDurationS: 2,
};

let testStore: TestStore;
beforeAll(async () => {
  testStore = await openTestStore(inject('dynamoEndpoint'), 'load-capacity-e2e');
});
afterAll(async () => {
  await testStore?.close();
});

interface RunOptions {
  readonly parameters?: Readonly<Record<string, unknown>>;
  readonly shardStartAllowanceMs?: number;
  /** Switched on once the run's accounts are funded, before the load step. */
  readonly fault?: FaultName;
  readonly proxy?: RunningFaultProxy;
}

/**
 * Only the named load checks of jrt-0193-2020 (restrictProfile, as the selftest does) through the real
 * pipeline: plan, prepare (fund), the load step (interval mining on the embedded chain), finalize
 * from what DynamoDB Local holds. Finalized as incomplete: no conformance step ran.
 */
async function runLoadChecks(adapter: ChainAdapter, checkIds: readonly string[], options: RunOptions = {}) {
  const profile = restrictProfile(findProfile(fullRegistry, 'jrt-0193-2020'), checkIds, fullRegistry);
  const registry: Registry = { ...fullRegistry, profiles: [profile] };
  // Only what the kept checks read: the plan refuses parameters nobody reads.
  const read = resolveProfile(profile, registry).parameters;
  const parameters = Object.fromEntries(
    Object.entries({ ...shortLoad, ...options.parameters }).filter(([name]) => read.has(name)),
  );
  const request = RunRequestSchema.parse({ runId: newRunId(), profile: profile.id, parameters });
  const plan = planRun(request, registry, {
    maxConcurrentShards: 1,
    ...(options.shardStartAllowanceMs === undefined
      ? {}
      : { shardStartAllowanceMs: options.shardStartAllowanceMs }),
  });
  const progress: string[] = [];
  const deps = { adapter, store: testStore.store, registry, progress: (line: string) => progress.push(line) };
  await prepareRun(plan, deps);
  if (options.fault) options.proxy?.setFaults([options.fault]);
  await executeLoadStep(plan, deps);
  const report = await finalizeRun(plan.runId, {
    store: testStore.store,
    registry,
    incompleteReason: 'this test runs the load step only',
  });
  const stored = await testStore.store.getRun(plan.runId);
  const result = (checkId: string) => report.results.find((r) => r.checkId === checkId);
  return { progress, stored, query: result(queryCheck), capacity: result(capacityCheck) };
}

describe('capacity search (PERF-04) and read workload (PERF-03) on a real anvil', () => {
  let anvil: RunningAnvil | undefined;
  let proxy: RunningFaultProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    await anvil?.stop();
    proxy = undefined;
    anvil = undefined;
  });

  it('finds the bound of a chain whose blocks hold 40 transfers, and passes the read workload', async () => {
    // 40 transfers (21,000 gas each) per 1 s block: 10 and 30 tx/s fit; at 90 tx/s the 2 s step's
    // last transfers wait ≈ 2.5 blocks behind the backlog, well over the 2 s bound. Low rates, so a
    // busy two-core machine keeps the generator on schedule.
    anvil = await startAnvil({ gasLimit: 40n * 21_000n });
    const adapter = await createEvmAdapter({ url: anvil.url, signer, embedded: true });
    const { capacity, query, stored, progress } = await runLoadChecks(adapter, [capacityCheck, queryCheck], {
      parameters: {
        loadRateTps: 10,
        loadCapacityGrowth: 3,
        loadCapacityMaxSteps: 3,
        loadLatencyP95MaxMs: 2_000,
      },
    });
    expect(query?.status, query?.summary).toBe('pass');
    expect(query?.load?.committed).toBe(40);
    expect(query?.summary).toMatch(/queries\/s answered/);

    expect(capacity?.status, `${capacity?.summary}\n${progress.join('\n')}`).toBe('pass');
    expect(capacity?.actual).toMatchObject({ capacityTps: 30 });
    expect(capacity?.summary).toMatch(
      /^capacity 30 tx\/s \([\d.]+ tx\/s committed\) at p95 [\d.]+ s; 90 tx\/s broke: /,
    );
    const { steps } = (capacity?.actual ?? { steps: [] }) as {
      steps: { rateTps: number; outcome: string }[];
    };
    expect(steps.map((s) => [s.rateTps, s.outcome])).toEqual([
      [10, 'held'],
      [30, 'held'],
      [90, 'broke'],
    ]);
    // Every step went through DynamoDB Local and back.
    const shard = stored?.loadShards.find((s) => s.scenario === 'transfer-capacity-search');
    expect(shard?.steps?.map((s) => s.rateTps)).toEqual([10, 30, 90]);
    expect(capacity?.load?.generator.harnessBottleneck).toBe(false);
  });

  it('measures the contract-write workload (Probe.set per transaction, receipts checked) and fails it under drop-transactions', async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    const adapter = await createEvmAdapter({ url: proxy.url, signer, embedded: true });
    const held = await runLoadChecks(adapter, [capacityCheck], {
      parameters: { loadWorkload: 'contract-write' },
    });
    expect(held.capacity?.status, `${held.capacity?.summary}\n${held.progress.join('\n')}`).toBe('pass');
    expect(held.capacity?.load).toMatchObject({ sent: 40, committed: 40, successRate: 1 });
    const dropped = await runLoadChecks(adapter, [capacityCheck], {
      fault: 'drop-transactions',
      proxy,
      parameters: { loadWorkload: 'contract-write' },
    });
    expect(dropped.capacity?.status, dropped.capacity?.summary).toBe('fail');
    expect(dropped.capacity?.summary).toMatch(/^no rate held: at 20 tx\/s, success rate .* lost/);
  });

  it('fails PERF-03 when every 10th read is answered wrongly (wrong-read-results)', async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    const adapter = await createEvmAdapter({ url: proxy.url, signer, embedded: true });
    const { query } = await runLoadChecks(adapter, [queryCheck], { fault: 'wrong-read-results', proxy });
    expect(query?.status, query?.summary).toBe('fail');
    expect(query?.summary).toMatch(/9\d(\.\d)?% of queries answered correctly < 95%/);
    expect(query?.load?.rejected).toBeGreaterThanOrEqual(3);
  });

  it('fails PERF-04 when transactions are dropped (drop-transactions): no rate holds', async () => {
    anvil = await startAnvil();
    proxy = await startFaultProxy({ upstreamUrl: anvil.url });
    const adapter = await createEvmAdapter({ url: proxy.url, signer, embedded: true });
    const { capacity } = await runLoadChecks(adapter, [capacityCheck], {
      fault: 'drop-transactions',
      proxy,
      parameters: { loadCapacityMaxSteps: 2 },
    });
    expect(capacity?.status, capacity?.summary).toBe('fail');
    expect(capacity?.summary).toMatch(/^no rate held: at 20 tx\/s, success rate .* lost/);
    expect(capacity?.actual).toMatchObject({ capacityTps: 0 });
  });

  it('fails PERF-03 and PERF-04 under slow-responses with their latency bounds', async () => {
    anvil = await startAnvil();
    const delayMs = 1_500;
    proxy = await startFaultProxy({ upstreamUrl: anvil.url, delayMs });
    const adapter = await createEvmAdapter({ url: proxy.url, signer, embedded: true });
    const { capacity, query } = await runLoadChecks(adapter, [capacityCheck, queryCheck], {
      fault: 'slow-responses',
      proxy,
      // A shard needs a few round trips before its first send; the common start time allows for them.
      shardStartAllowanceMs: 2_000 + 4 * delayMs,
      parameters: { loadLatencyP95MaxMs: 1_000, loadDrainS: 8 },
    });
    expect(query?.status, query?.summary).toBe('fail');
    expect(query?.summary).toMatch(/p95 query latency \d+(\.\d)? ms > 1000 ms/);
    expect(query?.load?.generator.harnessBottleneck).toBe(false);
    expect(capacity?.status, capacity?.summary).toBe('fail');
    expect(capacity?.summary).toMatch(/^no rate held: at 20 tx\/s, p95 latency/);
  });
});
