import { describe, expect, it } from 'vitest';
import type { LoadMetrics } from '#core/checks/LoadMetricsSchema.ts';
import { judgeTransferLoad } from './judgeTransferLoad.ts';

const thresholds = {
  loadTpsTarget: 18,
  loadSuccessRateMin: 0.95,
  loadLatencyP95MaxMs: 2_000,
  loadMinTransactions: 20,
};
const startedAt = '2026-01-01T00:00:00.000Z';

function metrics(over: Partial<LoadMetrics> = {}): LoadMetrics {
  return {
    scenario: { name: 'transfer-constant-rate', rateTps: 20, durationS: 10, shards: 1 },
    sent: 200,
    accepted: 200,
    rejected: 0,
    committed: 200,
    lost: 0,
    acceptedTps: 20,
    committedTps: 19,
    successRate: 1,
    windowS: 10.5,
    latency: { count: 200, meanMs: 700, p50Ms: 650, p90Ms: 1_000, p95Ms: 1_100, p99Ms: 1_200, maxMs: 1_300 },
    latencyHistogram: 'HISTFAAAAA',
    generator: { maxSendLagMs: 3, p99SendLagMs: 2, lateSends: 0, harnessBottleneck: false },
    ...over,
  };
}

describe('judgeTransferLoad', () => {
  it('passes both checks when throughput, success rate and p95 meet the thresholds', () => {
    const [tps, latency] = judgeTransferLoad(metrics(), thresholds, startedAt);
    expect(tps).toMatchObject({ checkId: 'perf-transaction-throughput', kind: 'load', status: 'pass' });
    expect(latency).toMatchObject({ checkId: 'perf-transaction-latency', status: 'pass' });
    expect(tps.load?.committed).toBe(200);
    expect(latency.load?.latency.p95Ms).toBe(1_100);
  });

  it("fails PERF-01 when committed TPS is below the operator's target", () => {
    const [tps] = judgeTransferLoad(metrics({ committedTps: 17.9 }), thresholds, startedAt);
    expect(tps.status).toBe('fail');
    expect(tps.summary).toMatch(/committed 17\.9 tx\/s < target 18 tx\/s/);
    expect(tps.expected).toEqual({ committedTpsMin: 18, successRateMin: 0.95 });
  });

  it('judges PERF-01 on the success rate alone when no TPS target is set', () => {
    const { loadTpsTarget: _, ...noTarget } = thresholds;
    const [tps] = judgeTransferLoad(metrics({ committedTps: 5 }), noTarget, startedAt);
    expect(tps.status).toBe('pass');
    expect(tps.expected).toEqual({ successRateMin: 0.95 });
  });

  it('fails PERF-01 when transactions are lost even if TPS is high', () => {
    const [tps, latency] = judgeTransferLoad(
      metrics({ committed: 180, lost: 20, successRate: 0.9, committedTps: 19.5 }),
      thresholds,
      startedAt,
    );
    expect(tps.status).toBe('fail');
    expect(tps.summary).toMatch(/success rate 90% < 95% \(20 lost, 0 rejected\)/);
    expect(tps.actual).toMatchObject({ lost: 20 });
    expect(latency.status).toBe('pass');
  });

  it('fails PERF-02 when p95 exceeds the bound, and when nothing was committed', () => {
    const slow = metrics({
      latency: {
        count: 200,
        meanMs: 1_500,
        p50Ms: 1_400,
        p90Ms: 1_900,
        p95Ms: 2_001,
        p99Ms: 2_500,
        maxMs: 3_000,
      },
    });
    expect(judgeTransferLoad(slow, thresholds, startedAt)[1]).toMatchObject({
      status: 'fail',
      actual: { p95Ms: 2_001 },
    });
    const none = metrics({
      committed: 0,
      lost: 200,
      successRate: 0,
      committedTps: 0,
      latency: { count: 0, meanMs: 0, p50Ms: 0, p90Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 },
    });
    const [tps, latency] = judgeTransferLoad(none, thresholds, startedAt);
    expect(tps.status).toBe('fail');
    expect(latency).toMatchObject({
      status: 'fail',
      summary: expect.stringMatching(/no transaction was committed/),
    });
  });

  it('gives no verdict (error) on either check when the harness was the bottleneck', () => {
    const results = judgeTransferLoad(
      metrics({
        committedTps: 5,
        generator: { maxSendLagMs: 900, p99SendLagMs: 400, lateSends: 40, harnessBottleneck: true },
      }),
      thresholds,
      startedAt,
    );
    for (const r of results) {
      expect(r.status).toBe('error');
      expect(r.summary).toMatch(/harness was the bottleneck.*40 of 200 sends > 50 ms late/);
      expect(r.load).toBeDefined();
    }
  });

  it('gives no verdict when nothing was sent', () => {
    expect(judgeTransferLoad(metrics({ sent: 0 }), thresholds, startedAt).map((r) => r.status)).toEqual([
      'error',
      'error',
    ]);
  });

  it('gives no performance verdict on too few transactions (a single transfer proves nothing)', () => {
    const [tps, latency] = judgeTransferLoad(
      metrics({ sent: 1, accepted: 1, committed: 1 }),
      thresholds,
      startedAt,
    );
    expect(tps).toMatchObject({
      status: 'error',
      summary: expect.stringMatching(/1 transaction\(s\) are too few .* at least 20/),
    });
    expect(latency?.status).toBe('error');
  });
});
