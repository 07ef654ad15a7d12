import { z } from 'zod';
import { maxLoadSeriesPoints } from '#core/checks/LoadSeriesSchema.ts';

/**
 * One shard's run over time, as the shard sends it to the finalize step (shardSeriesCodec.ts).
 * Point i covers [startMs + i·bucketS s, …); offered and accepted by intended send time; `latency[i]`
 * lists the inclusion latencies of the transactions committed in point i as bucket/count pairs,
 * flattened ([bucket, count, bucket, count, …], buckets ascending). Committed per point is the sum
 * of its counts, so it cannot disagree with the histogram.
 */
export const ShardSeriesSchema = z
  .object({
    startMs: z.number(),
    bucketS: z.number().int().positive(),
    offered: z.array(z.number().int().nonnegative()).max(maxLoadSeriesPoints),
    accepted: z.array(z.number().int().nonnegative()).max(maxLoadSeriesPoints),
    latency: z
      .array(
        z
          .array(z.number().int().nonnegative())
          .refine((pairs) => pairs.length % 2 === 0, 'latency points are bucket/count pairs'),
      )
      .max(maxLoadSeriesPoints),
  })
  .refine((s) => s.accepted.length === s.offered.length && s.latency.length === s.offered.length, {
    message: 'a shard series needs offered, accepted and latency of one length',
  });
export type ShardSeries = z.infer<typeof ShardSeriesSchema>;
