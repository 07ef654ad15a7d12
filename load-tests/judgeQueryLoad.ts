import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { LoadMetrics } from '#core/checks/LoadMetricsSchema.ts';
import { lateSendThresholdMs } from './mergeShards.ts';
import { queryLoadChecks } from './queryLoadChecks.ts';

export interface QueryThresholds {
  readonly loadSuccessRateMin: number;
  readonly queryLatencyP95MaxMs: number;
  readonly loadMinTransactions: number;
}

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/**
 * Pass criteria of the read workload (PERF-03, JR/T 0193-2020 7.2): the share of queries answered
 * correctly reaches loadSuccessRateMin and their p95 latency (intended send → answer) stays within
 * queryLatencyP95MaxMs. Reads per second are reported, not judged: the standard names no figure.
 * A harness that fell behind its schedule, or too few queries, gets no verdict (error), except a
 * latency fail its lateness cannot explain.
 */
export function judgeQueryLoad(
  metrics: LoadMetrics,
  params: QueryThresholds,
  startedAt: string,
): CheckResult {
  const base = {
    checkId: queryLoadChecks.throughput.id,
    kind: 'load' as const,
    startedAt,
    durationMs: Math.round(metrics.windowS * 1_000),
    load: metrics,
  };
  const g = metrics.generator;
  if (metrics.sent === 0) return { ...base, status: 'error', summary: 'inconclusive: no query was sent' };
  if (metrics.sent < params.loadMinTransactions) {
    return {
      ...base,
      status: 'error',
      summary: `inconclusive: ${metrics.sent} query(ies) are too few for a performance verdict; at least ${params.loadMinTransactions} are needed (loadMinTransactions; raise queryRateRps or queryDurationS)`,
    };
  }
  const p95 = metrics.latency.p95Ms;
  if (g.harnessBottleneck) {
    // Latency runs from the intended send time, so a late harness only adds to it: each query's
    // latency from its actual send is at least its latency minus the largest lag. When the p95
    // still exceeds the bound after taking the largest lag off, the node alone is too slow, at a
    // load no higher than planned: a fail the harness's lateness cannot explain. Never a pass.
    if (metrics.committed > 0 && p95 - g.maxSendLagMs > params.queryLatencyP95MaxMs) {
      return {
        ...base,
        status: 'fail',
        summary: `p95 query latency ${round(p95, 1)} ms > ${params.queryLatencyP95MaxMs} ms even less the harness's largest send lag (${round(g.maxSendLagMs, 1)} ms; ${g.lateSends} of ${metrics.sent} queries > ${lateSendThresholdMs} ms late)`,
        expected: { p95MsMax: params.queryLatencyP95MaxMs },
        actual: { p95Ms: round(p95), maxSendLagMs: round(g.maxSendLagMs, 1), answered: metrics.committed },
      };
    }
    return {
      ...base,
      status: 'error',
      summary: `inconclusive: the harness was the bottleneck (p99 send lag ${round(g.p99SendLagMs, 1)} ms, ${g.lateSends} of ${metrics.sent} queries > ${lateSendThresholdMs} ms late)`,
    };
  }
  const rateOk = metrics.successRate >= params.loadSuccessRateMin;
  const latencyOk = metrics.committed > 0 && p95 <= params.queryLatencyP95MaxMs;
  const shortfalls = [
    ...(rateOk
      ? []
      : [
          `${round(metrics.successRate * 100, 1)}% of queries answered correctly < ${round(params.loadSuccessRateMin * 100, 1)}% (${metrics.rejected} refused or wrong)`,
        ]),
    ...(latencyOk
      ? []
      : [
          metrics.committed === 0
            ? 'no query was answered correctly'
            : `p95 query latency ${round(p95, 1)} ms > ${params.queryLatencyP95MaxMs} ms`,
        ]),
  ];
  return {
    ...base,
    status: shortfalls.length === 0 ? 'pass' : 'fail',
    summary:
      shortfalls.length === 0
        ? `${round(metrics.committedTps, 1)} queries/s answered at ${metrics.scenario.rateTps}/s offered, p95 ${round(p95, 1)} ms ≤ ${params.queryLatencyP95MaxMs} ms, ${metrics.committed}/${metrics.sent} correct`
        : shortfalls.join('; '),
    expected: { successRateMin: params.loadSuccessRateMin, p95MsMax: params.queryLatencyP95MaxMs },
    actual: {
      answeredPerS: round(metrics.committedTps),
      successRate: round(metrics.successRate, 4),
      p95Ms: round(p95),
      answered: metrics.committed,
      sent: metrics.sent,
      wrongOrRefused: metrics.rejected,
    },
  };
}
