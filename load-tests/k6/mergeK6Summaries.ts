import { ConfigError } from '#core/errors/ConfigError.ts';
import type { K6Metric, K6Summary } from './parseK6Summary.ts';

/**
 * The summaries of one test run by several k6 instances (k6-operator `parallelism`, `k6 run
 * --execution-segment`), each of which wrote its own for its share of the iterations. Counts add up
 * exactly (count, passes, fails; rate recomputed); min and max are exact. A percentile cannot be
 * merged from percentiles, so p(N) and med become the largest of the instances': an upper bound of
 * the whole run's (at most 5% of each instance's samples lie above its p95, so at most 5% of all lie
 * above the largest). judgeK6Summary only ever compares them to a bound in the direction that stays
 * sound: an upper bound under the generator's p99 limit proves the schedule was kept; a min over the
 * latency bound proves every acknowledgement was late.
 */
export function mergeK6Summaries(summaries: readonly K6Summary[]): K6Summary {
  const [first, ...rest] = summaries;
  if (first === undefined) throw new ConfigError('import k6-summary needs at least one summary file');
  if (rest.length === 0) return first;
  const runIds = new Set(summaries.flatMap((s) => (s.manifest ? [s.manifest.runId] : [])));
  if (runIds.size > 1) {
    throw new ConfigError(
      `the summaries come from different exports (${[...runIds].join(', ')}); import each export's summaries on their own`,
    );
  }
  const names = new Set(summaries.flatMap((s) => [...s.metrics.keys()]));
  const metrics = new Map<string, K6Metric>();
  for (const name of names) {
    const parts = summaries.flatMap((s) => {
      const m = s.metrics.get(name);
      return m ? [m] : [];
    });
    metrics.set(name, mergeMetric(parts));
  }
  const durations = summaries.flatMap((s) =>
    s.testRunDurationMs === undefined ? [] : [s.testRunDurationMs],
  );
  const manifest = summaries.find((s) => s.manifest)?.manifest;
  return {
    shape: first.shape,
    metrics,
    instances: summaries.reduce((n, s) => n + (s.instances ?? 1), 0),
    ...(durations.length === 0 ? {} : { testRunDurationMs: Math.max(...durations) }),
    ...(manifest === undefined ? {} : { manifest }),
  };
}

function mergeMetric(parts: readonly K6Metric[]): K6Metric {
  const values: Record<string, number> = {};
  const keys = new Set(parts.flatMap((p) => Object.keys(p.values)));
  const all = (key: string) => parts.flatMap((p) => (p.values[key] === undefined ? [] : [p.values[key]]));
  for (const key of keys) {
    const v = all(key);
    if (key === 'count' || key === 'passes' || key === 'fails') values[key] = v.reduce((a, b) => a + b, 0);
    else if (key === 'min') values[key] = Math.min(...v);
    else if (key === 'max' || key === 'med' || key.startsWith('p(')) values[key] = Math.max(...v);
  }
  if (values.passes !== undefined && values.fails !== undefined) {
    values.rate = values.passes / Math.max(1, values.passes + values.fails);
  }
  const thresholds: Record<string, boolean> = {};
  for (const p of parts) {
    for (const [expression, ok] of Object.entries(p.thresholds))
      thresholds[expression] = (thresholds[expression] ?? true) && ok;
  }
  const type = parts[0]?.type;
  return { ...(type === undefined ? {} : { type }), values, thresholds };
}
