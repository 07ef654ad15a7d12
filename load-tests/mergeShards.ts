import type { Histogram } from 'hdr-histogram-js';
import type {
  GroundTruth,
  LatencySummary,
  LatencyTiers,
  LoadMetrics,
} from '#core/checks/LoadMetricsSchema.ts';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { countAbove, decodeHistogram, encodeHistogram, newHistogram } from './histogramCodec.ts';
import { mergeSeries } from './mergeSeries.ts';
import { decodeShardBlocks } from './shardBlocksCodec.ts';
import { decodeShardSeries } from './shardSeriesCodec.ts';

/** A send more than this late (actual − intended) is a late send. */
export const lateSendThresholdMs = 50;
/**
 * The generator's rule on itself (DESIGN.md "Load measurement"): the harness, not the chain, was the
 * bottleneck when more than 1% of sends were late (and more than one), or the p99 send lag exceeds
 * 100 ms. Such a run offered less load than the schedule says and gets no performance verdict.
 */
export const maxLateSendShare = 0.01;
export const maxP99SendLagMs = 100;

/**
 * Late sends a run may hold before the share rule applies. Below 100 sends a single late send is
 * already over 1%, and the share rule would turn one scheduler hiccup into "no verdict": a short run
 * on a busy two-core machine (20 sends, one 58 ms late while ganache and two busy processes shared the cores with the
 * harness) lost its verdict that way. That single send is still bounded by the p99 rule, since
 * below 100 sends p99 is the maximum.
 */
export const toleratedLateSends = 1;

/** Whether the generator, not the chain, limited the run (see maxLateSendShare, maxP99SendLagMs). */
export function isHarnessBottleneck(sent: number, lateSends: number, p99SendLagMs: number): boolean {
  return p99SendLagMs > maxP99SendLagMs || lateSends > Math.max(toleratedLateSends, maxLateSendShare * sent);
}

/**
 * Committed TPS may differ from the on-chain ground truth (the window's blocks' transaction counts)
 * by at most this share before the metrics flag it (issue 9's target: within 1%). Exactly 1% is not
 * flagged.
 */
export const maxGroundTruthDisagreement = 0.01;

const µsToMs = (us: number): number => us / 1_000;

function summarize(histogram: Histogram): LatencySummary {
  if (histogram.totalCount === 0)
    return { count: 0, meanMs: 0, p50Ms: 0, p90Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
  return {
    count: histogram.totalCount,
    meanMs: µsToMs(histogram.mean),
    p50Ms: µsToMs(histogram.getValueAtPercentile(50)),
    p90Ms: µsToMs(histogram.getValueAtPercentile(90)),
    p95Ms: µsToMs(histogram.getValueAtPercentile(95)),
    p99Ms: µsToMs(histogram.getValueAtPercentile(99)),
    maxMs: µsToMs(histogram.maxValue),
  };
}

/**
 * Merges the shards of one scenario run exactly: counts add, HDR histograms add bucket by bucket,
 * and the window runs from the earliest intended send to the latest inclusion of any shard.
 * Metric definitions (shared/reference/standards.md §3.1 CAICT, §3.2 Hyperledger PSWG):
 * committed TPS = committed / window; accepted TPS = accepted / send span (at least the scenario
 * duration); success rate = committed / sent; latency = intended send → inclusion.
 */
export function mergeShards(shards: readonly LoadShardResult[]): LoadMetrics {
  const first = shards[0];
  if (!first) throw new ConfigError('cannot merge a load scenario with no shard results');
  const odd = shards.find(
    (s) =>
      s.scenario !== first.scenario ||
      s.shardCount !== first.shardCount ||
      s.rateTps !== first.rateTps ||
      s.durationS !== first.durationS,
  );
  if (odd) {
    throw new ConfigError(
      `shard ${odd.shardIndex} (${odd.scenario}, ${odd.rateTps} tx/s, ${odd.durationS} s, ${odd.shardCount} shards) does not belong with shard ${first.shardIndex} (${first.scenario}, ${first.rateTps} tx/s, ${first.durationS} s, ${first.shardCount} shards)`,
    );
  }
  const sum = (pick: (s: LoadShardResult) => number): number =>
    shards.reduce((total, s) => total + pick(s), 0);
  const sent = sum((s) => s.sent);
  const accepted = sum((s) => s.accepted);
  const committed = sum((s) => s.committed);

  const latency = newHistogram();
  const sendLag = newHistogram();
  for (const s of shards) {
    latency.add(decodeHistogram(s.latencyHistogram));
    sendLag.add(decodeHistogram(s.sendLagHistogram));
  }

  const startMs = Math.min(...shards.map((s) => s.firstSendAtMs));
  const windowS =
    committed > 0 ? Math.max(0, Math.max(...shards.map((s) => s.lastInclusionAtMs)) - startMs) / 1_000 : 0;
  const sendSpanS = Math.max(
    first.durationS,
    (Math.max(...shards.map((s) => s.lastSendAtMs)) - startMs) / 1_000,
  );

  const lateSends = countAbove(sendLag, lateSendThresholdMs * 1_000);
  const p99SendLagMs = sendLag.totalCount === 0 ? 0 : µsToMs(sendLag.getValueAtPercentile(99));
  // Over time only when every shard recorded it: a series missing a shard would understate the load.
  const series = shards.every((s) => s.series !== undefined)
    ? mergeSeries(shards.map((s) => decodeShardSeries(s.series!)))
    : undefined;
  const latencyTiers = mergeTiers(shards, latency);
  const groundTruth = committedGroundTruth(shards, committed, startMs, windowS);
  return {
    scenario: {
      name: first.scenario,
      rateTps: first.rateTps,
      durationS: first.durationS,
      shards: first.shardCount,
    },
    sent,
    accepted,
    rejected: sum((s) => s.rejected),
    committed,
    lost: sum((s) => s.lost),
    acceptedTps: accepted / sendSpanS,
    committedTps: windowS > 0 ? committed / windowS : 0,
    successRate: sent > 0 ? committed / sent : 0,
    windowS,
    latency: summarize(latency),
    latencyHistogram: encodeHistogram(latency),
    generator: {
      maxSendLagMs: µsToMs(sendLag.maxValue),
      p99SendLagMs,
      lateSends,
      harnessBottleneck: isHarnessBottleneck(sent, lateSends, p99SendLagMs),
    },
    ...(series === undefined ? {} : { series }),
    ...(latencyTiers === undefined ? {} : { latencyTiers }),
    ...(groundTruth === undefined ? {} : { groundTruth }),
  };
}

/**
 * Accepted / included / final summaries from the shards' histograms, added bucket by bucket as the
 * inclusion histogram is. Only when every shard recorded the tier: a tier missing a shard would
 * describe part of the load as if it were all of it.
 */
function mergeTiers(shards: readonly LoadShardResult[], included: Histogram): LatencyTiers | undefined {
  if (!shards.every((s) => s.ackLatencyHistogram !== undefined)) return undefined;
  const accepted = newHistogram();
  for (const s of shards) accepted.add(decodeHistogram(s.ackLatencyHistogram!));
  const depths = new Set(shards.map((s) => s.finalityDepth));
  const depth = shards[0]!.finalityDepth;
  const withFinal = depth !== undefined && depths.size === 1 && shards.every((s) => s.finalLatencyHistogram);
  if (!withFinal) return { accepted: summarize(accepted), included: summarize(included) };
  const final = newHistogram();
  for (const s of shards) final.add(decodeHistogram(s.finalLatencyHistogram!));
  return {
    accepted: summarize(accepted),
    included: summarize(included),
    final: { ...summarize(final), finalityDepth: depth },
  };
}

/**
 * The blocks' own count over the window committed TPS is measured on (Hyperledger PSWG: committed
 * transactions / window). Shards watch the same chain, so their block lists are united by number,
 * not added; a block's sighting is the earliest of any shard's. The window's blocks run from the
 * lowest start height + 1 to the highest block holding one of the run's transactions, less those
 * first seen before the first intended send (nothing of the run can be in them). Undecided
 * (undefined) when a shard listed no blocks, nothing was committed, or the list has a gap.
 */
function committedGroundTruth(
  shards: readonly LoadShardResult[],
  committed: number,
  startMs: number,
  windowS: number,
): GroundTruth | undefined {
  if (committed === 0 || windowS <= 0 || !shards.every((s) => s.blocks !== undefined)) return undefined;
  const byNumber = new Map<number, { txCount: number; seenAtMs: number }>();
  let fromBlock = Number.POSITIVE_INFINITY;
  let toBlock = -1;
  for (const s of shards) {
    const listed = decodeShardBlocks(s.blocks!);
    fromBlock = Math.min(fromBlock, listed.first);
    if (listed.lastInclusion !== null) toBlock = Math.max(toBlock, listed.lastInclusion);
    for (const b of listed.blocks) {
      const known = byNumber.get(b.number);
      // Two observers disagreeing on a block's size: count the larger, so the gap cannot hide.
      byNumber.set(
        b.number,
        known === undefined
          ? { txCount: b.txCount, seenAtMs: b.seenAtMs }
          : { txCount: Math.max(known.txCount, b.txCount), seenAtMs: Math.min(known.seenAtMs, b.seenAtMs) },
      );
    }
  }
  if (toBlock < fromBlock) return undefined;
  let blocks = 0;
  let transactions = 0;
  let windowFrom: number | undefined;
  for (let n = fromBlock; n <= toBlock; n++) {
    const block = byNumber.get(n);
    if (block === undefined) return undefined;
    if (block.seenAtMs < startMs && n !== toBlock) continue;
    windowFrom ??= n;
    blocks += 1;
    transactions += block.txCount;
  }
  const disagreement =
    transactions > 0 ? Math.abs(committed - transactions) / transactions : committed > 0 ? 1 : 0;
  return {
    fromBlock: windowFrom ?? toBlock,
    toBlock,
    blocks,
    transactions,
    committedTps: transactions / windowS,
    disagreement,
    disagrees: disagreement > maxGroundTruthDisagreement,
  };
}
