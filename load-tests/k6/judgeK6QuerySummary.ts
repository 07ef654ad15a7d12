import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { queryLoadChecks } from '../queryLoadChecks.ts';
import type { K6QueryManifest } from './K6ExportManifestSchema.ts';
import type { K6Summary } from './parseK6Summary.ts';
import { readK6Run, round } from './readK6Run.ts';

/**
 * PERF-03 (JR/T 0193-2020 7.2 query throughput) from k6's summary of an exported read workload,
 * with judgeQueryLoad's criteria: the share answered correctly reaches loadSuccessRateMin and the p95
 * latency of correct answers, from the intended send time, stays within queryLatencyP95MaxMs. Unlike
 * the transfer scenario, everything this check measures is an answer k6 saw, so a summary can pass
 * it. The exceptions: the generator's self-check (readK6Run) gives no verdict, and the summaries of
 * several k6 instances give a p95 that is only an upper bound: under the bound it passes, over it the
 * check stays inconclusive.
 */
export function judgeK6QuerySummary(
  summary: K6Summary,
  manifest: K6QueryManifest,
  startedAt: string,
): CheckResult {
  const run = readK6Run(summary, manifest, 'query');
  const { loadSuccessRateMin, queryLatencyP95MaxMs } = manifest.thresholds;
  const base = {
    checkId: queryLoadChecks.throughput.id,
    kind: 'load' as const,
    startedAt,
    durationMs: run.durationMs,
    actual: run.measured,
    evidence: run.evidence,
    expected: { successRateMin: loadSuccessRateMin, p95MsMax: queryLatencyP95MaxMs },
  };
  if (run.inconclusive !== undefined) return { ...base, status: 'error', summary: run.inconclusive };
  const rate = run.accepted / run.sent;
  const p95 = run.ack?.['p(95)'];
  const rateOk = rate >= loadSuccessRateMin;
  const latencyOk = run.accepted > 0 && p95 !== undefined && p95 <= queryLatencyP95MaxMs;
  const bound = run.instances > 1;
  const shortfalls = [
    ...(rateOk
      ? []
      : [
          `${round(rate * 100, 1)}% of queries answered correctly < ${round(loadSuccessRateMin * 100, 1)}% (${run.rejected} refused or wrong)`,
        ]),
    ...(latencyOk || (bound && run.accepted > 0)
      ? []
      : [
          run.accepted === 0 || p95 === undefined
            ? 'no query was answered correctly'
            : `p95 query latency ${round(p95, 1)} ms > ${queryLatencyP95MaxMs} ms`,
        ]),
  ];
  if (shortfalls.length > 0)
    return { ...base, status: 'fail', summary: `${shortfalls.join('; ')} (k6 summary)` };
  if (!latencyOk) {
    return {
      ...base,
      status: 'error',
      summary: `inconclusive: p95 query latency is at most ${round(p95 ?? 0, 1)} ms over ${run.instances} k6 instances, above ${queryLatencyP95MaxMs} ms, but percentiles of several instances do not merge; import one instance's run, or let chaineval evaluate measure it`,
    };
  }
  return {
    ...base,
    status: 'pass',
    summary: `${round(run.acceptedPerS, 1)} queries/s answered at ${manifest.shape.rateTps}/s offered, p95 ${bound ? 'at most ' : ''}${round(p95 ?? 0, 1)} ms ≤ ${queryLatencyP95MaxMs} ms, ${run.accepted}/${run.sent} correct (k6 summary)`,
  };
}
