import { expect } from 'vitest';
import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import { findProfile, resolveProfile } from '#core/profile/resolveProfile.ts';
import type { Registry } from '#core/registry/Registry.ts';
import { executeLoadStep } from '#core/run/executeLoadStep.ts';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import { newRunId } from '#core/run/newRunId.ts';
import { planRun } from '#core/run/planRun.ts';
import { prepareRun } from '#core/run/prepareRun.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';
import { restrictProfile } from '#fault-proxy/selftest/restrictProfile.ts';
import { registry as fullRegistry } from '#registry/index.ts';

export interface TransferLoadOptions {
  /** The run's parameters; only those the kept checks read are passed (the plan refuses the rest). */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** planRun's allowance for a shard to get ready beyond pre-signing. @default 2_000 (planRun's) */
  readonly shardStartAllowanceMs?: number;
  /** Called once the run is prepared (its accounts funded), just before the load step starts. */
  readonly beforeLoadStep?: () => void | Promise<void>;
}

/**
 * The transfer scenario (PERF-01/02) through the real pipeline: plan the jrt-0193-2020 profile
 * restricted to its checks, prepare (store the run, fund the plan's accounts), run the load step
 * (interval mining on the embedded chain, one shard at the plan's common start time), finalize from
 * what the store holds. Only the load step runs, so the run is finalized as incomplete.
 */
export async function runTransferLoad(
  adapter: ChainAdapter,
  store: ResultStore,
  options: TransferLoadOptions,
) {
  const profile = restrictProfile(
    findProfile(fullRegistry, 'jrt-0193-2020'),
    ['perf-transaction-throughput', 'perf-transaction-latency'],
    fullRegistry,
  );
  const registry: Registry = { ...fullRegistry, profiles: [profile] };
  const read = resolveProfile(profile, registry).parameters;
  const request = RunRequestSchema.parse({
    runId: newRunId(),
    profile: profile.id,
    parameters: Object.fromEntries(Object.entries(options.parameters).filter(([name]) => read.has(name))),
  });
  const plan = planRun(request, registry, {
    maxConcurrentShards: 1,
    ...(options.shardStartAllowanceMs === undefined
      ? {}
      : { shardStartAllowanceMs: options.shardStartAllowanceMs }),
  });
  const progress: string[] = [];
  const deps = { adapter, store, registry, progress: (line: string) => progress.push(line) };
  await prepareRun(plan, deps);
  await options.beforeLoadStep?.();
  await executeLoadStep(plan, deps);
  const report = await finalizeRun(plan.runId, {
    store,
    registry,
    incompleteReason: 'this test runs the load step only',
  });
  const stored = await store.getRun(plan.runId);
  expect(stored?.loadShards).toHaveLength(1);
  const result = (checkId: string) => report.results.find((r) => r.checkId === checkId);
  return {
    plan,
    report,
    progress,
    shard: stored?.loadShards[0],
    throughput: result('perf-transaction-throughput'),
    latency: result('perf-transaction-latency'),
  };
}
