import { describe, expect, it } from 'vitest';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { encodeHistogram, newHistogram } from './histogramCodec.ts';
import { judgeCapacity, judgeCapacityStep, mergeCapacitySteps } from './judgeCapacity.ts';
import { mergeShards } from './mergeShards.ts';

const params = {
  loadSuccessRateMin: 0.95,
  loadLatencyP95MaxMs: 2_000,
  loadMinTransactions: 20,
  loadCapacityMaxSteps: 4,
  loadCapacityMaxTps: 10_000,
};
const startedAt = '2026-01-01T00:00:00.000Z';

function histogramOf(valueUs: number, count: number): string {
  const h = newHistogram();
  for (let i = 0; i < count; i++) h.recordValue(valueUs);
  return encodeHistogram(h);
}

/** One shard's window of a step: `rateTps` for 2 s, every transfer committed at `latencyMs` unless lost. */
function step(
  rateTps: number,
  over: {
    latencyMs?: number;
    lost?: number;
    lateSends?: number;
    shardIndex?: number;
    shardCount?: number;
  } = {},
): Omit<LoadShardResult, 'steps'> {
  const shardCount = over.shardCount ?? 1;
  const sent = Math.round((rateTps * 2) / shardCount);
  const lost = over.lost ?? 0;
  const lag = newHistogram();
  for (let i = 0; i < sent; i++) lag.recordValue(i < (over.lateSends ?? 0) ? 200_000 : 1_000);
  return {
    scenario: 'transfer-capacity-search',
    shardIndex: over.shardIndex ?? 0,
    shardCount,
    rateTps,
    durationS: 2,
    sent,
    accepted: sent,
    rejected: 0,
    committed: sent - lost,
    lost,
    firstSendAtMs: 1_000_000,
    lastInclusionAtMs: 1_003_000,
    lastSendAtMs: 1_002_000,
    latencyHistogram: histogramOf((over.latencyMs ?? 800) * 1_000, sent - lost),
    sendLagHistogram: encodeHistogram(lag),
    rejections: [],
  };
}

const shardOf = (steps: Omit<LoadShardResult, 'steps'>[]): LoadShardResult => ({ ...steps[0]!, steps });

describe('judgeCapacityStep', () => {
  it('holds within the success rate and latency bound; breaks on either, saying which', () => {
    expect(judgeCapacityStep(mergeShards([step(100)]), params)).toEqual({ kind: 'held' });
    expect(judgeCapacityStep(mergeShards([step(100, { lost: 20 })]), params)).toMatchObject({
      kind: 'broke',
      clean: false,
      reason: expect.stringMatching(/success rate 90% < 95% \(20 lost/),
    });
    expect(judgeCapacityStep(mergeShards([step(100, { latencyMs: 2_600 })]), params)).toMatchObject({
      kind: 'broke',
      clean: true,
      reason: expect.stringMatching(/p95 latency 26\d\d(\.\d)? ms > 2000 ms/),
    });
  });

  it('is inconclusive when the harness fell behind or too few transactions were sent', () => {
    expect(judgeCapacityStep(mergeShards([step(100, { lateSends: 50 })]), params)).toMatchObject({
      kind: 'inconclusive',
      reason: expect.stringMatching(/harness fell behind/),
    });
    expect(judgeCapacityStep(mergeShards([step(5)]), params)).toMatchObject({ kind: 'inconclusive' });
  });
});

describe('judgeCapacity', () => {
  it('reports the highest rate that held, its committed TPS and p95, and the rate that broke', () => {
    const result = judgeCapacity(
      [shardOf([step(100), step(200), step(400, { latencyMs: 3_000 }), step(300)])],
      params,
      startedAt,
    );
    expect(result.status).toBe('pass');
    expect(result.summary).toMatch(
      /^capacity 300 tx\/s \(200 tx\/s committed\) at p95 0\.8 s; 400 tx\/s broke: p95 latency/,
    );
    expect(result.actual).toMatchObject({ capacityTps: 300, committedTps: 200 });
    expect(result.load?.scenario.rateTps).toBe(300);
  });

  it('says "at least" when the budget ended before anything broke, and fails below loadTpsTarget', () => {
    const shard = shardOf([step(100), step(200)]);
    expect(judgeCapacity([shard], params, startedAt).summary).toMatch(/at least: the search budget/);
    const short = judgeCapacity([shard], { ...params, loadTpsTarget: 500 }, startedAt);
    expect(short.status).toBe('fail');
    expect(short.summary).toMatch(/< target 500 tx\/s committed/);
  });

  it('reports the highest rate held below one the harness could not judge as "at least", after bisecting', () => {
    const result = judgeCapacity(
      [
        shardOf([
          step(100),
          step(200),
          step(400, { lateSends: 50 }),
          step(300),
          step(350, { lateSends: 50 }),
        ]),
      ],
      params,
      startedAt,
    );
    expect(result.status).toBe('pass');
    expect(result.summary).toMatch(
      /^capacity 300 tx\/s .*; at least: 350 tx\/s could not be judged, the harness fell behind/,
    );
    expect(judgeCapacityStep(mergeShards([step(400, { lateSends: 50 })]), params)).toMatchObject({
      clean: true,
    });
  });

  it('fails when not even the first rate held', () => {
    const result = judgeCapacity([shardOf([step(100, { lost: 30 })])], params, startedAt);
    expect(result).toMatchObject({ status: 'fail', actual: { capacityTps: 0 } });
    expect(result.summary).toMatch(/^no rate held: at 100 tx\/s, success rate 85% < 95%/);
  });

  it('gives no verdict when the harness fell behind at the first rate, and skips when the search is off', () => {
    expect(judgeCapacity([shardOf([step(100, { lateSends: 50 })])], params, startedAt)).toMatchObject({
      status: 'error',
      summary: expect.stringMatching(/^inconclusive: at the first rate, 100 tx\/s, the harness fell behind/),
    });
    expect(judgeCapacity([], { ...params, loadCapacityMaxSteps: 0 }, startedAt)).toMatchObject({
      status: 'skip',
      skipReason: 'not-applicable',
    });
  });

  it('merges steps across shards only while every shard ran the same rate', () => {
    const a = shardOf([
      step(100, { shardCount: 2 }),
      step(200, { shardCount: 2 }),
      step(400, { shardCount: 2 }),
    ]);
    const b = shardOf([
      step(100, { shardIndex: 1, shardCount: 2 }),
      step(200, { shardIndex: 1, shardCount: 2 }),
      step(300, { shardIndex: 1, shardCount: 2 }),
    ]);
    const merged = mergeCapacitySteps([a, b]);
    expect(merged.map((s) => s.rateTps)).toEqual([100, 200]);
    expect(merged[1]!.metrics.sent).toBe(400);
    expect(judgeCapacity([a], params, startedAt)).toMatchObject({
      status: 'error',
      summary: expect.stringMatching(/only 1 of 2 capacity shards/),
    });
  });
});
