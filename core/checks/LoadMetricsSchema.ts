import { z } from 'zod';
import { LoadSeriesSchema } from './LoadSeriesSchema.ts';

export const LatencySummarySchema = z.object({
  count: z.number().int().nonnegative(),
  meanMs: z.number().nonnegative(),
  p50Ms: z.number().nonnegative(),
  p90Ms: z.number().nonnegative(),
  p95Ms: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  maxMs: z.number().nonnegative(),
});
export type LatencySummary = z.infer<typeof LatencySummarySchema>;

/**
 * Latency from the intended send time to each tier: accepted (the node's answer to the submission),
 * included (first seen in a block; the same as `latency`, which the judges read) and final (the
 * block `finalityDepth` above the transaction's block first seen: the profile's finality rule, as
 * LED-07 and CON-10 read it, not the node's `finalized` block tag). `final` is absent when a shard
 * had no finality depth; its count is below included's when some blocks on top came after the drain.
 */
export const LatencyTiersSchema = z.object({
  accepted: LatencySummarySchema,
  included: LatencySummarySchema,
  final: LatencySummarySchema.extend({ finalityDepth: z.number().int().positive() }).optional(),
});
export type LatencyTiers = z.infer<typeof LatencyTiersSchema>;

/**
 * The on-chain ground truth for committed TPS: the transactions in the blocks of the measurement
 * window (blocks above the start height, first seen no earlier than the first intended send, up to
 * the block of the last inclusion), over the same window. `disagreement` = |committed − transactions|
 * / transactions (1 when the blocks hold none but the harness counted some); `disagrees` when it is
 * above 1% (load-tests/mergeShards.ts maxGroundTruthDisagreement). Informational: the verdicts do not read it.
 */
export const GroundTruthSchema = z.object({
  fromBlock: z.number().int().nonnegative(),
  toBlock: z.number().int().nonnegative(),
  blocks: z.number().int().nonnegative(),
  transactions: z.number().int().nonnegative(),
  committedTps: z.number().nonnegative(),
  disagreement: z.number().nonnegative(),
  disagrees: z.boolean(),
});
export type GroundTruth = z.infer<typeof GroundTruthSchema>;

/**
 * Metrics of one load scenario, with the Hyperledger PSWG and CAICT definitions
 * (shared/reference/standards.md §3.1, §3.2): latency from the *intended* send time to inclusion,
 * committed TPS = committed transactions / measurement window, success rate = committed / sent.
 */
export const LoadMetricsSchema = z.object({
  scenario: z.object({
    name: z.string(),
    rateTps: z.number().positive(),
    durationS: z.number().positive(),
    shards: z.number().int().positive(),
  }),
  sent: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  committed: z.number().int().nonnegative(),
  /** Accepted (or sent) but never seen in a block before the drain deadline. */
  lost: z.number().int().nonnegative(),
  acceptedTps: z.number().nonnegative(),
  committedTps: z.number().nonnegative(),
  successRate: z.number().min(0).max(1),
  windowS: z.number().nonnegative(),
  latency: LatencySummarySchema,
  /** HDR histogram of inclusion latency in µs, base64 (merges exactly across shards). */
  latencyHistogram: z.string(),
  /** The generator's check on itself: late sends mean the harness, not the chain, was the bottleneck. */
  generator: z.object({
    maxSendLagMs: z.number().nonnegative(),
    p99SendLagMs: z.number().nonnegative(),
    lateSends: z.number().int().nonnegative(),
    harnessBottleneck: z.boolean(),
  }),
  /** The run per second (offered, accepted, committed, p50/p95); absent when a shard recorded none. */
  series: LoadSeriesSchema.optional(),
  /** Accepted / included / final latency; absent when a shard recorded no tiers (stored before them). */
  latencyTiers: LatencyTiersSchema.optional(),
  /** Committed TPS checked against the blocks; absent when a shard listed no blocks or the list has gaps. */
  groundTruth: GroundTruthSchema.optional(),
});
export type LoadMetrics = z.infer<typeof LoadMetricsSchema>;
