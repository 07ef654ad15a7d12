import type { LoadSeries } from '#core/checks/LoadSeriesSchema.ts';
import { SeriesPoints } from './SeriesPoints.ts';
import type { ShardSeries } from './ShardSeriesSchema.ts';
import { bucketUpperMs } from './seriesLatencyBuckets.ts';

/**
 * Merges the shards' series point by point: the same second from the common start adds its counts
 * and its latency histograms, and p50/p95 are read from the merged histogram (never averaged).
 * Shards share the plan's start time, so their points line up exactly; a shard that started later
 * (a lone shard ready after the planned time) is shifted by whole points from the earliest start.
 */
export function mergeSeries(shards: readonly ShardSeries[]): LoadSeries | undefined {
  if (shards.length === 0) return undefined;
  const startMs = Math.min(...shards.map((s) => s.startMs));
  const bucketS = Math.max(...shards.map((s) => s.bucketS));
  const merged = new SeriesPoints(startMs, bucketS);
  for (const shard of shards) {
    const points = SeriesPoints.fromShardSeries(shard).fold(bucketS);
    merged.addAll(points, Math.round((shard.startMs - startMs) / (bucketS * 1_000)));
  }
  merged.fold(merged.bucketS);
  const percentiles = merged.latency.map((h) => [percentileMs(h, 50), percentileMs(h, 95)] as const);
  return {
    startMs,
    bucketS: merged.bucketS,
    offered: merged.offered,
    accepted: merged.accepted,
    committed: merged.latency.map((h) => [...h.values()].reduce((a, b) => a + b, 0)),
    p50Ms: percentiles.map(([p50]) => p50),
    p95Ms: percentiles.map(([, p95]) => p95),
  };
}

/** The p-th percentile of a bucket histogram, as its bucket's upper edge in ms (0 when empty). */
function percentileMs(histogram: ReadonlyMap<number, number>, p: number): number {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [bucket, count] of [...histogram.entries()].sort(([a], [b]) => a - b)) {
    seen += count;
    if (seen >= rank) return Number(bucketUpperMs(bucket).toFixed(3));
  }
  return 0;
}
