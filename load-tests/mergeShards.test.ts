import { describe, expect, it } from 'vitest';
import { LoadMetricsSchema } from '#core/checks/LoadMetricsSchema.ts';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { decodeHistogram, encodeHistogram, newHistogram } from './histogramCodec.ts';
import { mergeShards } from './mergeShards.ts';
import { decodeShardBlocks, encodeShardBlocks } from './shardBlocksCodec.ts';

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

/** A shard's block list: consecutive blocks from `first`, seen a second apart from `seenFromMs`. */
function blocksOf(
  first: number,
  txCounts: readonly number[],
  lastInclusion: number | undefined,
  seenFromMs = 1_000_500,
) {
  return encodeShardBlocks(
    txCounts.map((txCount, i) => ({ number: BigInt(first + i), txCount, seenAtMs: seenFromMs + i * 1_000 })),
    BigInt(first - 1),
    lastInclusion === undefined ? undefined : BigInt(lastInclusion),
  );
}

describe('mergeShards: latency tiers', () => {
  it('merges the accepted and final tiers exactly, as the inclusion histogram', () => {
    const ackA = valuesA.map((v) => Math.round(v / 100));
    const ackB = valuesB.map((v) => Math.round(v / 100));
    const finalA = valuesA.map((v) => v + 3_000_000);
    const finalB = valuesB.map((v) => v + 3_000_000);
    const merged = mergeShards([
      shard({
        shardIndex: 0,
        latencyHistogram: histogramOf(valuesA),
        ackLatencyHistogram: histogramOf(ackA),
        finalLatencyHistogram: histogramOf(finalA),
        finalityDepth: 3,
      }),
      shard({
        shardIndex: 1,
        latencyHistogram: histogramOf(valuesB),
        ackLatencyHistogram: histogramOf(ackB),
        finalLatencyHistogram: histogramOf(finalB),
        finalityDepth: 3,
      }),
    ]);
    expect(LoadMetricsSchema.parse(merged)).toEqual(merged);
    const tiers = merged.latencyTiers!;
    const ackAll = decodeHistogram(histogramOf([...ackA, ...ackB]));
    const finalAll = decodeHistogram(histogramOf([...finalA, ...finalB]));
    for (const [summary, all] of [
      [tiers.accepted, ackAll],
      [tiers.final!, finalAll],
    ] as const) {
      expect(summary.count).toBe(1_200);
      expect(summary.p50Ms).toBe(all.getValueAtPercentile(50) / 1_000);
      expect(summary.p95Ms).toBe(all.getValueAtPercentile(95) / 1_000);
      expect(summary.p99Ms).toBe(all.getValueAtPercentile(99) / 1_000);
      expect(summary.maxMs).toBe(all.maxValue / 1_000);
    }
    expect(tiers.included).toEqual(merged.latency);
    expect(tiers.final?.finalityDepth).toBe(3);
  });

  it('leaves a tier out when a shard did not record it (stored before tiers, or no finality depth)', () => {
    const old = mergeShards([
      shard({ shardIndex: 0, ackLatencyHistogram: histogramOf([1_000]) }),
      shard({ shardIndex: 1 }),
    ]);
    expect(old.latencyTiers).toBeUndefined();
    const noFinal = mergeShards([
      shard({ shardIndex: 0, ackLatencyHistogram: histogramOf([1_000]) }),
      shard({
        shardIndex: 1,
        ackLatencyHistogram: histogramOf([2_000]),
        finalLatencyHistogram: histogramOf([9_000]),
        finalityDepth: 3,
      }),
    ]);
    expect(noFinal.latencyTiers?.accepted.count).toBe(2);
    expect(noFinal.latencyTiers?.final).toBeUndefined();
  });
});

describe('mergeShards: on-chain ground truth', () => {
  it('round-trips a block list through its codec', () => {
    const decoded = decodeShardBlocks(blocksOf(101, [0, 20, 20, 5], 103));
    expect(decoded).toEqual({
      first: 101,
      lastInclusion: 103,
      blocks: [
        { number: 101, txCount: 0, seenAtMs: 1_000_500 },
        { number: 102, txCount: 20, seenAtMs: 1_001_500 },
        { number: 103, txCount: 20, seenAtMs: 1_002_500 },
        { number: 104, txCount: 5, seenAtMs: 1_003_500 },
      ],
    });
  });

  it("unites the shards' block lists by number (shards watch the same blocks: not a sum)", () => {
    // Two shards of 30 each in blocks 101–103 (block 104 came after the last inclusion: left out).
    const merged = mergeShards([
      shard({ shardIndex: 0, blocks: blocksOf(101, [20, 20, 20, 7], 103) }),
      shard({ shardIndex: 1, blocks: blocksOf(101, [20, 20, 20], 103, 1_000_520) }),
    ]);
    expect(LoadMetricsSchema.parse(merged)).toEqual(merged);
    expect(merged.groundTruth).toEqual({
      fromBlock: 101,
      toBlock: 103,
      blocks: 3,
      transactions: 60,
      committedTps: 60 / 4,
      disagreement: 0,
      disagrees: false,
    });
    expect(merged.committedTps).toBe(merged.groundTruth?.committedTps);
  });

  it('covers a block only one shard listed, leaves out blocks seen before the first send, and gives up on a gap', () => {
    // Shard 1 started a block later; block 100 was seen before the first intended send (1_000_000).
    const merged = mergeShards([
      shard({ shardIndex: 0, blocks: blocksOf(100, [9, 30, 30], 102, 999_000) }),
      shard({ shardIndex: 1, blocks: blocksOf(101, [30, 30], 101, 1_000_010) }),
    ]);
    expect(merged.groundTruth).toMatchObject({ fromBlock: 101, toBlock: 102, blocks: 2, transactions: 60 });
    const gap = mergeShards([
      shard({ shardIndex: 0, blocks: blocksOf(101, [30], 101) }),
      shard({ shardIndex: 1, blocks: blocksOf(103, [30], 103) }),
    ]);
    expect(gap.groundTruth).toBeUndefined();
    const unlisted = mergeShards([
      shard({ shardIndex: 0, blocks: blocksOf(101, [60], 101) }),
      shard({ shardIndex: 1 }),
    ]);
    expect(unlisted.groundTruth).toBeUndefined();
  });

  it('flags a disagreement above 1% of the ground truth, and not one of exactly 1%', () => {
    const truth = (onChain: number, committed: number) =>
      mergeShards([
        shard({
          shardIndex: 0,
          shardCount: 1,
          sent: committed,
          accepted: committed,
          committed,
          blocks: blocksOf(101, [onChain], 101),
        }),
      ]).groundTruth!;
    expect(truth(100, 100)).toMatchObject({ disagreement: 0, disagrees: false });
    expect(truth(100, 99)).toMatchObject({ disagreement: 0.01, disagrees: false });
    expect(truth(100, 101)).toMatchObject({ disagreement: 0.01, disagrees: false });
    expect(truth(1_000, 989).disagrees).toBe(true); // 1.1% fewer than the chain holds
    expect(truth(1_000, 1_011).disagrees).toBe(true); // 1.1% more than the chain holds
    expect(truth(80, 60)).toMatchObject({ disagreement: 0.25, disagrees: true });
    expect(truth(0, 60)).toMatchObject({ disagreement: 1, disagrees: true });
  });
});
