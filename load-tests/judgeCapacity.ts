import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { LoadMetrics } from '#core/checks/LoadMetricsSchema.ts';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { capacityLoadChecks } from './capacityLoadChecks.ts';
import { lateSendThresholdMs, mergeShards } from './mergeShards.ts';
import type { CapacityStep, StepOutcome } from './scenarios/capacitySearch.ts';

export interface CapacityThresholds {
  readonly loadSuccessRateMin: number;
  readonly loadLatencyP95MaxMs: number;
  readonly loadMinTransactions: number;
  readonly loadTpsTarget?: number | undefined;
  readonly loadCapacityMaxSteps: number;
  readonly loadCapacityMaxTps: number;
}

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));
const pct = (share: number): string => `${round(share * 100, 1)}%`;

/**
 * Whether one step of the search held, on its own merged metrics: the same criteria as PERF-01/02
 * (success rate, p95 latency bound), and the same refusal to judge a step the harness fell behind on.
 */
export function judgeCapacityStep(
  metrics: LoadMetrics,
  params: Pick<CapacityThresholds, 'loadSuccessRateMin' | 'loadLatencyP95MaxMs' | 'loadMinTransactions'>,
): StepOutcome {
  const g = metrics.generator;
  if (metrics.sent < params.loadMinTransactions) {
    return {
      kind: 'inconclusive',
      reason: `${metrics.sent} transaction(s) are too few to judge (loadMinTransactions ${params.loadMinTransactions})`,
    };
  }
  if (g.harnessBottleneck) {
    return {
      kind: 'inconclusive',
      clean: metrics.lost === 0 && metrics.rejected === 0,
      reason: `the harness fell behind its schedule (p99 send lag ${round(g.p99SendLagMs, 1)} ms, ${g.lateSends} of ${metrics.sent} sends > ${lateSendThresholdMs} ms late)`,
    };
  }
  const clean = metrics.lost === 0 && metrics.rejected === 0;
  if (metrics.successRate < params.loadSuccessRateMin) {
    return {
      kind: 'broke',
      clean,
      reason: `success rate ${pct(metrics.successRate)} < ${pct(params.loadSuccessRateMin)} (${metrics.lost} lost, ${metrics.rejected} rejected)`,
    };
  }
  if (metrics.committed === 0 || metrics.latency.p95Ms > params.loadLatencyP95MaxMs) {
    return {
      kind: 'broke',
      clean,
      reason: `p95 latency ${round(metrics.latency.p95Ms, 1)} ms > ${params.loadLatencyP95MaxMs} ms`,
    };
  }
  return { kind: 'held' };
}

/**
 * The steps every shard ran alike, each merged across shards: step i counts only while every shard
 * ran a step i at the same rate (shards decide on their own share, so they may part ways; a step
 * some shards skipped would understate the load, so the merge stops there).
 */
export function mergeCapacitySteps(
  shards: readonly LoadShardResult[],
): { readonly rateTps: number; readonly metrics: LoadMetrics }[] {
  const merged: { rateTps: number; metrics: LoadMetrics }[] = [];
  const depth = Math.min(...shards.map((s) => s.steps?.length ?? 0));
  for (let i = 0; i < depth; i++) {
    const steps = shards.map((s) => s.steps![i]!);
    const rateTps = steps[0]!.rateTps;
    if (steps.some((s) => s.rateTps !== rateTps || s.durationS !== steps[0]!.durationS)) break;
    merged.push({ rateTps, metrics: mergeShards(steps) });
  }
  return merged;
}

function describeStep(rateTps: number, metrics: LoadMetrics, outcome: StepOutcome) {
  return {
    rateTps,
    outcome: outcome.kind,
    ...(outcome.kind === 'held' ? {} : { reason: outcome.reason }),
    committedTps: round(metrics.committedTps, 2),
    successRate: round(metrics.successRate, 4),
    p95Ms: round(metrics.latency.p95Ms, 1),
    sent: metrics.sent,
    lost: metrics.lost,
  };
}

/**
 * The capacity verdict (PERF-04): the highest rate whose step held is the capacity, reported with its
 * committed TPS and p95 latency and the bound that ended the search ("capacity 2,900 tx/s at p95
 * 1.4 s; 3,200 tx/s broke: success rate 91% < 95%"). Fails when not even the first rate held, or the
 * capacity is below loadTpsTarget. A search that ran out of steps, time or rate before anything broke
 * reports its capacity as "at least"; that is still a measured, conclusive figure.
 */
export function judgeCapacity(
  shards: readonly LoadShardResult[],
  params: CapacityThresholds,
  startedAt: string,
): CheckResult {
  const checkId = capacityLoadChecks.capacity.id;
  const base = { checkId, kind: 'load' as const, startedAt };
  if (params.loadCapacityMaxSteps === 0) {
    return {
      ...base,
      status: 'skip',
      skipReason: 'not-applicable',
      summary:
        'capacity search off (loadCapacityMaxSteps = 0); set loadCapacityMaxSteps (e.g. 8) to find the capacity',
      durationMs: 0,
    };
  }
  const expected = shards[0]?.shardCount ?? 0;
  const present = new Set(shards.map((s) => s.shardIndex)).size;
  if (present === 0 || present < expected) {
    return {
      ...base,
      status: 'error',
      summary: `inconclusive: only ${present} of ${expected} capacity shards reported results`,
      durationMs: 0,
    };
  }
  const steps = mergeCapacitySteps(shards);
  const history: (CapacityStep & { readonly metrics: LoadMetrics })[] = steps.map((s) => ({
    rateTps: s.rateTps,
    metrics: s.metrics,
    outcome: judgeCapacityStep(s.metrics, params),
    durationMs: 0,
  }));
  const durationMs = Math.round(history.reduce((sum, s) => sum + s.metrics.windowS, 0) * 1_000);
  const stepsActual = history.map((s) => describeStep(s.rateTps, s.metrics, s.outcome));
  const first = history[0];
  if (!first) {
    return { ...base, status: 'error', summary: 'inconclusive: the capacity search ran no step', durationMs };
  }
  if (first.outcome.kind === 'inconclusive') {
    return {
      ...base,
      status: 'error',
      summary: `inconclusive: at the first rate, ${first.rateTps} tx/s, ${first.outcome.reason}`,
      load: first.metrics,
      actual: { steps: stepsActual },
      durationMs,
    };
  }
  const held = history
    .filter((s) => s.outcome.kind === 'held')
    .reduce<(typeof history)[number] | undefined>(
      (best, s) => (best && best.rateTps >= s.rateTps ? best : s),
      undefined,
    );
  const expectedFigures = {
    successRateMin: params.loadSuccessRateMin,
    p95MsMax: params.loadLatencyP95MaxMs,
    ...(params.loadTpsTarget === undefined ? {} : { committedTpsMin: params.loadTpsTarget }),
  };
  if (!held) {
    const reason = first.outcome.kind === 'broke' ? first.outcome.reason : '';
    return {
      ...base,
      status: 'fail',
      summary: `no rate held: at ${first.rateTps} tx/s, ${reason}`,
      expected: expectedFigures,
      actual: { capacityTps: 0, steps: stepsActual },
      load: first.metrics,
      durationMs,
    };
  }
  // The lowest rate above the capacity that did not hold: it broke, or the harness could not judge it
  // (the search bisects below such a rate too, so the figure is "at least" that fine).
  const above = history
    .filter((s) => s.outcome.kind !== 'held' && s.rateTps > held.rateTps)
    .sort((a, b) => a.rateTps - b.rateTps)[0];
  const stoppedBy = above
    ? above.outcome.kind === 'broke'
      ? `${above.rateTps} tx/s broke: ${above.outcome.reason}`
      : `at least: ${above.rateTps} tx/s could not be judged, ${above.outcome.kind === 'inconclusive' ? above.outcome.reason : ''}`
    : held.rateTps >= params.loadCapacityMaxTps
      ? `at least: the search reached loadCapacityMaxTps ${params.loadCapacityMaxTps} tx/s`
      : `at least: the search budget (loadCapacityMaxSteps ${params.loadCapacityMaxSteps}, loadCapacityTimeBudgetS) ended before a bound broke`;
  const m = held.metrics;
  const figure = `capacity ${held.rateTps} tx/s (${round(m.committedTps, 1)} tx/s committed) at p95 ${round(m.latency.p95Ms / 1_000, 2)} s`;
  const target = params.loadTpsTarget;
  const targetOk = target === undefined || m.committedTps >= target;
  return {
    ...base,
    status: targetOk ? 'pass' : 'fail',
    summary: targetOk
      ? `${figure}; ${stoppedBy}`
      : `${figure} < target ${target} tx/s committed; ${stoppedBy}`,
    expected: expectedFigures,
    actual: {
      capacityTps: held.rateTps,
      committedTps: round(m.committedTps, 2),
      p95Ms: round(m.latency.p95Ms, 1),
      stoppedBy,
      steps: stepsActual,
    },
    load: m,
    durationMs,
  };
}
