import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeK6Summary } from './judgeK6Summary.ts';
import { mergeK6Summaries } from './mergeK6Summaries.ts';
import { type K6Summary, parseK6Summary } from './parseK6Summary.ts';
import { sampleK6Manifest } from './sampleK6Manifest.ts';

const handle = parseK6Summary(
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'handle-summary.json'), 'utf8')),
  'fixture',
);

/** One k6 instance's summary: the fixture with the given chaineval metric values. */
function instance(values: Record<string, Record<string, number>>): K6Summary {
  const metrics = new Map(handle.metrics);
  for (const [name, v] of Object.entries(values))
    metrics.set(name, { type: 'counter', values: v, thresholds: {} });
  return { ...handle, metrics };
}

describe('mergeK6Summaries', () => {
  const a = instance({
    chaineval_accepted: { count: 500 },
    chaineval_rejected: { count: 0 },
    chaineval_late_sends: { count: 1 },
    chaineval_send_lag: { min: 0, max: 40, 'p(99)': 12, count: 500 },
    chaineval_ack_latency: { min: 2, max: 90, 'p(95)': 30, count: 500 },
    chaineval_accept_rate: { rate: 1, passes: 500, fails: 0 },
  });
  const b = instance({
    chaineval_accepted: { count: 490 },
    chaineval_rejected: { count: 10 },
    chaineval_late_sends: { count: 2 },
    chaineval_send_lag: { min: 0, max: 70, 'p(99)': 20, count: 500 },
    chaineval_ack_latency: { min: 1, max: 60, 'p(95)': 45, count: 490 },
    chaineval_accept_rate: { rate: 0.98, passes: 490, fails: 10 },
  });

  it('adds counts exactly, keeps min/max exact and takes the largest percentile as an upper bound', () => {
    const merged = mergeK6Summaries([a, b]);
    expect(merged.instances).toBe(2);
    expect(merged.metrics.get('chaineval_accepted')?.values.count).toBe(990);
    expect(merged.metrics.get('chaineval_late_sends')?.values.count).toBe(3);
    expect(merged.metrics.get('chaineval_accept_rate')?.values).toMatchObject({
      passes: 990,
      fails: 10,
      rate: 0.99,
    });
    expect(merged.metrics.get('chaineval_ack_latency')?.values).toMatchObject({
      min: 1,
      max: 90,
      'p(95)': 45,
      count: 990,
    });
    const [, latency] = judgeK6Summary(merged, sampleK6Manifest(), '2026-11-30T15:10:00.000Z');
    expect(latency.summary).toMatch(/acknowledgement p95 at most 45 ms ≤ 5000 ms .*of 2 instances/);
  });

  it('refuses summaries of different exports', () => {
    const other = { ...b, manifest: sampleK6Manifest({ runId: '20261130T160000Z-ffffffff' }) };
    expect(() => mergeK6Summaries([a, other])).toThrow(/different exports/);
  });
});
