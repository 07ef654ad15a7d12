import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeK6QuerySummary } from './judgeK6QuerySummary.ts';
import { mergeK6Summaries } from './mergeK6Summaries.ts';
import { type K6Summary, parseK6Summary } from './parseK6Summary.ts';
import { sampleK6QueryManifest } from './sampleK6QueryManifest.ts';

const startedAt = '2026-11-30T15:10:00.000Z';
const manifest = sampleK6QueryManifest();

/** The realistic handleSummary fixture (1,000 requests at 100/s) with some metrics replaced. */
function summaryWith(values: Record<string, Record<string, number>> = {}): K6Summary {
  const summary = parseK6Summary(
    JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'handle-summary.json'), 'utf8')),
    'fixture',
  );
  const metrics = new Map(summary.metrics);
  for (const [name, v] of Object.entries(values))
    metrics.set(name, { type: 'counter', values: v, thresholds: {} });
  return { ...summary, metrics };
}

describe('judgeK6QuerySummary', () => {
  it('passes PERF-03 when enough answers were correct within the bound: k6 saw all it needs', () => {
    const result = judgeK6QuerySummary(summaryWith(), manifest, startedAt);
    expect(result).toMatchObject({ checkId: 'perf-query-throughput', status: 'pass' });
    expect(result.summary).toBe(
      '99.8 queries/s answered at 100/s offered, p95 8 ms ≤ 1000 ms, 998/1000 correct (k6 summary)',
    );
  });

  it('fails on wrong or refused answers, and on a slow p95', () => {
    const wrong = summaryWith({ chaineval_accepted: { count: 900 }, chaineval_rejected: { count: 100 } });
    expect(judgeK6QuerySummary(wrong, manifest, startedAt)).toMatchObject({
      status: 'fail',
      summary: '90% of queries answered correctly < 95% (100 refused or wrong) (k6 summary)',
    });
    const slow = summaryWith({ chaineval_ack_latency: { min: 5, 'p(95)': 1_400, max: 2_000, count: 998 } });
    expect(judgeK6QuerySummary(slow, manifest, startedAt).summary).toBe(
      'p95 query latency 1400 ms > 1000 ms (k6 summary)',
    );
  });

  it('gives no verdict when k6 fell behind, and none on an upper-bound p95 over the bound', () => {
    const late = summaryWith({ chaineval_late_sends: { count: 50 } });
    expect(judgeK6QuerySummary(late, manifest, startedAt).status).toBe('error');
    const a = summaryWith({
      chaineval_accepted: { count: 499 },
      chaineval_rejected: { count: 1 },
      chaineval_ack_latency: { min: 1, 'p(95)': 1_200, count: 499 },
    });
    const b = summaryWith({
      chaineval_accepted: { count: 499 },
      chaineval_rejected: { count: 1 },
      chaineval_ack_latency: { min: 1, 'p(95)': 300, count: 499 },
    });
    const merged = mergeK6Summaries([a, b]);
    const result = judgeK6QuerySummary(merged, manifest, startedAt);
    expect(result.status).toBe('error');
    expect(result.summary).toMatch(/at most 1200 ms over 2 k6 instances/);
  });
});
