import { describe, expect, it } from 'vitest';
import type { LoadMetrics } from '#core/checks/LoadMetricsSchema.ts';
import { judgeQueryLoad } from './judgeQueryLoad.ts';

const thresholds = { loadSuccessRateMin: 0.95, queryLatencyP95MaxMs: 1_000, loadMinTransactions: 20 };
const startedAt = '2026-01-01T00:00:00.000Z';

function metrics(over: Partial<LoadMetrics> = {}): LoadMetrics {
  return {
    scenario: { name: 'query-constant-rate', rateTps: 50, durationS: 4, shards: 1 },
    sent: 200,
    accepted: 200,
    rejected: 0,
    committed: 200,
    lost: 0,
    acceptedTps: 50,
    committedTps: 49.8,
    successRate: 1,
    windowS: 4.02,
    latency: { count: 200, meanMs: 3, p50Ms: 2, p90Ms: 4, p95Ms: 5, p99Ms: 9, maxMs: 12 },
    latencyHistogram: 'HISTFAAAAA',
    generator: { maxSendLagMs: 3, p99SendLagMs: 2, lateSends: 0, harnessBottleneck: false },
    ...over,
  };
}

describe('judgeQueryLoad', () => {
  it('passes when enough reads are answered correctly within the p95 bound, reporting reads per second', () => {
    const result = judgeQueryLoad(metrics(), thresholds, startedAt);
    expect(result).toMatchObject({ checkId: 'perf-query-throughput', kind: 'load', status: 'pass' });
    expect(result.summary).toMatch(
      /^49\.8 queries\/s answered at 50\/s offered, p95 5 ms ≤ 1000 ms, 200\/200 correct/,
    );
  });

  it('fails on wrong or refused answers, and on slow ones, naming each shortfall', () => {
    const wrong = judgeQueryLoad(
      metrics({ committed: 180, accepted: 180, rejected: 20, successRate: 0.9 }),
      thresholds,
      startedAt,
    );
    expect(wrong.status).toBe('fail');
    expect(wrong.summary).toMatch(/90% of queries answered correctly < 95% \(20 refused or wrong\)/);
    const slow = judgeQueryLoad(
      metrics({
        latency: {
          count: 200,
          meanMs: 1_500,
          p50Ms: 1_500,
          p90Ms: 1_500,
          p95Ms: 1_501,
          p99Ms: 1_510,
          maxMs: 1_600,
        },
      }),
      thresholds,
      startedAt,
    );
    expect(slow).toMatchObject({ status: 'fail', actual: { p95Ms: 1_501 } });
    expect(slow.summary).toMatch(/p95 query latency 1501 ms > 1000 ms/);
  });

  it('gives no verdict when the harness fell behind, or on too few queries', () => {
    expect(
      judgeQueryLoad(
        metrics({
          generator: { maxSendLagMs: 400, p99SendLagMs: 300, lateSends: 30, harnessBottleneck: true },
        }),
        thresholds,
        startedAt,
      ),
    ).toMatchObject({ status: 'error', summary: expect.stringMatching(/harness was the bottleneck/) });
    expect(judgeQueryLoad(metrics({ sent: 5 }), thresholds, startedAt).status).toBe('error');
    // Slow answers with a harness that passed its own check only narrowly: still no pass, ever.
    const slowAndLate = metrics({
      latency: { count: 200, meanMs: 900, p50Ms: 900, p90Ms: 990, p95Ms: 999, p99Ms: 1_000, maxMs: 1_000 },
      generator: { maxSendLagMs: 120, p99SendLagMs: 101, lateSends: 3, harnessBottleneck: true },
    });
    expect(judgeQueryLoad(slowAndLate, thresholds, startedAt).status).toBe('error');
  });

  it('fails a harness-bound run when the p95 exceeds the bound even less the largest send lag', () => {
    const result = judgeQueryLoad(
      metrics({
        latency: {
          count: 200,
          meanMs: 1_600,
          p50Ms: 1_550,
          p90Ms: 1_620,
          p95Ms: 1_650,
          p99Ms: 1_700,
          maxMs: 1_800,
        },
        generator: { maxSendLagMs: 140, p99SendLagMs: 90, lateSends: 8, harnessBottleneck: true },
      }),
      thresholds,
      startedAt,
    );
    expect(result.status).toBe('fail');
    expect(result.summary).toMatch(
      /1650 ms > 1000 ms even less the harness's largest send lag \(140 ms; 8 of 200/,
    );
    // When the lag could explain the excess, there is no verdict.
    expect(
      judgeQueryLoad(
        metrics({
          latency: {
            count: 200,
            meanMs: 1_050,
            p50Ms: 1_000,
            p90Ms: 1_080,
            p95Ms: 1_100,
            p99Ms: 1_200,
            maxMs: 1_300,
          },
          generator: { maxSendLagMs: 140, p99SendLagMs: 90, lateSends: 8, harnessBottleneck: true },
        }),
        thresholds,
        startedAt,
      ).status,
    ).toBe('error');
  });
});
