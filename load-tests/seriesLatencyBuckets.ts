/**
 * Latency buckets of the per-second series: eight per doubling (each ≈ 9% wide), bucket 0 below
 * 1 ms. A fixed scheme, not an auto-ranging HDR histogram, because a point's histogram is stored
 * per second for the whole run: a few bucket numbers per point keep a shard's series small, and
 * buckets of the same index add exactly across shards. The run's own HDR histogram (0.1% precision)
 * stays the source of the run's percentiles; these only draw the p50/p95 lines over time.
 */
export const seriesBucketsPerDoubling = 8;

/** The bucket a latency in µs falls in: bucket i ≥ 1 holds [2^((i−1)/8), 2^(i/8)) ms. */
export function bucketOfLatencyUs(latencyUs: number): number {
  const ms = latencyUs / 1_000;
  return ms < 1 ? 0 : Math.floor(Math.log2(ms) * seriesBucketsPerDoubling) + 1;
}

/** The upper edge of a bucket, ms: a percentile read from the series is never below the true one. */
export function bucketUpperMs(bucket: number): number {
  return 2 ** (bucket / seriesBucketsPerDoubling);
}
