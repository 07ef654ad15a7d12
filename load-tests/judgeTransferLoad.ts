import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { LoadMetrics } from '#core/checks/LoadMetricsSchema.ts';
import { lateSendThresholdMs } from './mergeShards.ts';
import { transferLoadChecks } from './transferLoadChecks.ts';

export interface LoadThresholds {
  readonly loadTpsTarget?: number | undefined;
  readonly loadSuccessRateMin: number;
  readonly loadLatencyP95MaxMs: number;
  readonly loadMinTransactions: number;
}

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/**
 * The pass criteria of the transfer scenario (k6 thresholds, kept apart from shape and logic):
 * PERF-01 passes iff success rate ≥ loadSuccessRateMin (CAICT stress criterion: the chain kept up
 * with the offered load) and, when the operator set one, committed TPS ≥ loadTpsTarget; PERF-02 passes iff p95 latency ≤ loadLatencyP95MaxMs. When the generator
 * was the bottleneck both are `error` (inconclusive): the chain never saw the scheduled load.
 */
export function judgeTransferLoad(
  metrics: LoadMetrics,
  params: LoadThresholds,
  startedAt: string,
): [CheckResult, CheckResult] {
  const base = {
    kind: 'load' as const,
    startedAt,
    durationMs: Math.round(metrics.windowS * 1_000),
    load: metrics,
  };
  const throughputId = transferLoadChecks.throughput.id;
  const latencyId = transferLoadChecks.latency.id;
  const inconclusive = (summary: string): [CheckResult, CheckResult] => [
    { ...base, checkId: throughputId, status: 'error', summary },
    { ...base, checkId: latencyId, status: 'error', summary },
  ];
  if (metrics.sent === 0) return inconclusive('inconclusive: no transaction was sent');
  if (metrics.sent < params.loadMinTransactions) {
    return inconclusive(
      `inconclusive: ${metrics.sent} transaction(s) are too few for a performance verdict; at least ${params.loadMinTransactions} are needed (loadMinTransactions; raise --rate or --duration)`,
    );
  }
  const g = metrics.generator;
  if (g.harnessBottleneck) {
    return inconclusive(
      `inconclusive: the harness was the bottleneck (p99 send lag ${round(g.p99SendLagMs, 1)} ms, ${g.lateSends} of ${metrics.sent} sends > ${lateSendThresholdMs} ms late)`,
    );
  }

  const rateTps = metrics.scenario.rateTps;
  const tpsMin = params.loadTpsTarget;
  const tpsOk = tpsMin === undefined || metrics.committedTps >= tpsMin;
  const rateOk = metrics.successRate >= params.loadSuccessRateMin;
  const shortfalls = [
    ...(tpsOk
      ? []
      : [`committed ${round(metrics.committedTps, 2)} tx/s < target ${round(tpsMin ?? 0, 2)} tx/s`]),
    ...(rateOk
      ? []
      : [
          `success rate ${round(metrics.successRate * 100, 1)}% < ${round(params.loadSuccessRateMin * 100, 1)}% (${metrics.lost} lost, ${metrics.rejected} rejected)`,
        ]),
  ];
  const throughput: CheckResult = {
    ...base,
    checkId: throughputId,
    status: shortfalls.length === 0 ? 'pass' : 'fail',
    summary:
      shortfalls.length === 0
        ? `${round(metrics.committedTps, 2)} tx/s committed at ${rateTps} tx/s offered, ${metrics.committed}/${metrics.sent} committed`
        : shortfalls.join('; '),
    expected: {
      ...(tpsMin === undefined ? {} : { committedTpsMin: round(tpsMin) }),
      successRateMin: params.loadSuccessRateMin,
    },
    actual: {
      committedTps: round(metrics.committedTps),
      successRate: round(metrics.successRate, 4),
      committed: metrics.committed,
      sent: metrics.sent,
      lost: metrics.lost,
      rejected: metrics.rejected,
    },
  };

  const p95 = metrics.latency.p95Ms;
  const latencyOk = metrics.committed > 0 && p95 <= params.loadLatencyP95MaxMs;
  const latency: CheckResult = {
    ...base,
    checkId: latencyId,
    status: latencyOk ? 'pass' : 'fail',
    summary:
      metrics.committed === 0
        ? `no transaction was committed, so none had a latency within the run`
        : `p95 latency ${round(p95, 1)} ms ${latencyOk ? '≤' : '>'} ${params.loadLatencyP95MaxMs} ms (p50 ${round(metrics.latency.p50Ms, 1)} ms, max ${round(metrics.latency.maxMs, 1)} ms, ${metrics.latency.count} transactions)`,
    expected: { p95MsMax: params.loadLatencyP95MaxMs },
    actual: { p95Ms: round(p95), committed: metrics.committed },
  };
  return [throughput, latency];
}
