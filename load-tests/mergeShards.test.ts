import { describe, expect, it } from 'vitest';
import { LoadMetricsSchema } from '#core/checks/LoadMetricsSchema.ts';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { decodeHistogram, encodeHistogram, newHistogram } from './histogramCodec.ts';
import { mergeShards } from './mergeShards.ts';

function histogramOf(valuesUs: readonly number[]): string {
  const h = newHistogram();
  for (const v of valuesUs) h.recordValue(v);
  return encodeHistogram(h);
}

function shard(over: Partial<LoadShardResult> & Pick<LoadShardResult, 'shardIndex'>): LoadShardResult {
  return {
    scenario: 'transfer-constant-rate',
    shardCount: 2,
    rateTps: 20,
    durationS: 3,
    sent: 30,
    accepted: 30,
    rejected: 0,
    committed: 30,
    lost: 0,
    firstSendAtMs: 1_000_000,
    lastInclusionAtMs: 1_004_000,
    lastSendAtMs: 1_002_900,
    latencyHistogram: histogramOf([]),
    sendLagHistogram: histogramOf([]),
    rejections: [],
    ...over,
  };
}

// Deterministic, spread over four orders of magnitude (µs).
const valuesA = Array.from({ length: 500 }, (_, i) => 800 + ((i * 7919) % 3_000_000));
const valuesB = Array.from({ length: 700 }, (_, i) => 1_500 + ((i * 104_729) % 9_000_000));

describe('mergeShards', () => {
  it('merges shard histograms into exactly the histogram of all values', () => {
    const merged = mergeShards([
      shard({ shardIndex: 0, latencyHistogram: histogramOf(valuesA) }),
      shard({ shardIndex: 1, latencyHistogram: histogramOf(valuesB) }),
    ]);
    const all = decodeHistogram(histogramOf([...valuesA, ...valuesB]));
    const got = decodeHistogram(merged.latencyHistogram);
    expect(got.totalCount).toBe(1_200);
    expect(got.mean).toBe(all.mean);
    expect(got.maxValue).toBe(all.maxValue);
    for (const p of [1, 25, 50, 90, 95, 99, 99.9, 100]) {
      expect(got.getValueAtPercentile(p)).toBe(all.getValueAtPercentile(p));
    }
    expect(merged.latency.p95Ms).toBe(all.getValueAtPercentile(95) / 1_000);
    expect(merged.latency.count).toBe(1_200);
  });

  it('adds counts and computes the window, TPS and success rate from the definitions', () => {
    const merged = mergeShards([
      shard({ shardIndex: 0, sent: 30, accepted: 29, rejected: 1, committed: 27, lost: 2 }),
      shard({
        shardIndex: 1,
        sent: 30,
        accepted: 30,
        committed: 30,
        firstSendAtMs: 1_000_050,
        lastInclusionAtMs: 1_005_000,
      }),
    ]);
    expect(LoadMetricsSchema.parse(merged)).toEqual(merged);
    expect(merged).toMatchObject({ sent: 60, accepted: 59, rejected: 1, committed: 57, lost: 2 });
    expect(merged.windowS).toBe(5); // earliest first send (1_000_000) → latest inclusion (1_005_000)
    expect(merged.committedTps).toBeCloseTo(57 / 5, 10);
    expect(merged.successRate).toBeCloseTo(57 / 60, 10);
    expect(merged.acceptedTps).toBeCloseTo(59 / 3, 10); // send span 2.9 s < duration 3 s
    expect(merged.scenario).toEqual({ name: 'transfer-constant-rate', rateTps: 20, durationS: 3, shards: 2 });
  });

  it('reports zero throughput, not a division by zero, when nothing was committed', () => {
    const merged = mergeShards([
      shard({ shardIndex: 0, shardCount: 1, committed: 0, lost: 30, lastInclusionAtMs: 1_000_000 }),
    ]);
    expect(merged).toMatchObject({ committedTps: 0, windowS: 0, successRate: 0, lost: 30 });
    expect(merged.latency).toMatchObject({ count: 0, p95Ms: 0 });
  });

  it('flags the harness as the bottleneck when more than 1% of sends are over 50 ms late', () => {
    const onTime = Array.from({ length: 98 }, () => 2_000);
    const fine = mergeShards([
      shard({
        shardIndex: 0,
        shardCount: 1,
        sent: 100,
        sendLagHistogram: histogramOf([...onTime, 3_000, 60_000]),
      }),
    ]);
    expect(fine.generator).toMatchObject({ lateSends: 1, harnessBottleneck: false });
    const late = mergeShards([
      shard({
        shardIndex: 0,
        shardCount: 1,
        sent: 100,
        sendLagHistogram: histogramOf([...onTime, 60_000, 70_000]),
      }),
    ]);
    expect(late.generator).toMatchObject({ lateSends: 2, harnessBottleneck: true });
    expect(late.generator.maxSendLagMs).toBeCloseTo(70, 0);
  });

  it('tolerates one late send in a short run, within the p99 bound', () => {
    // 20 sends, as a 10 tx/s × 2 s run: one send 58 ms late is 5% of them, yet offered the load.
    const onTime = Array.from({ length: 19 }, () => 2_000);
    const oneLate = (lagUs: number) =>
      mergeShards([
        shard({ shardIndex: 0, shardCount: 1, sent: 20, sendLagHistogram: histogramOf([...onTime, lagUs]) }),
      ]);
    expect(oneLate(58_000).generator).toMatchObject({ lateSends: 1, harnessBottleneck: false });
    // Below 100 sends p99 is the maximum, so the one late send is still bounded by 100 ms.
    expect(oneLate(150_000).generator).toMatchObject({ lateSends: 1, harnessBottleneck: true });
    const twoLate = mergeShards([
      shard({
        shardIndex: 0,
        shardCount: 1,
        sent: 20,
        sendLagHistogram: histogramOf([...onTime.slice(1), 58_000, 60_000]),
      }),
    ]);
    expect(twoLate.generator).toMatchObject({ lateSends: 2, harnessBottleneck: true });
  });

  it('fails when shards of different runs are mixed', () => {
    expect(() => mergeShards([shard({ shardIndex: 0 }), shard({ shardIndex: 1, rateTps: 50 })])).toThrow(
      /does not belong/,
    );
    expect(() => mergeShards([])).toThrow(/no shard results/);
  });
});
