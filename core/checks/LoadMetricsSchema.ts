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
});
export type LoadMetrics = z.infer<typeof LoadMetricsSchema>;
