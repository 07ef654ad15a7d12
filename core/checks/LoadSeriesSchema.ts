import { z } from 'zod';

/**
 * Points a series holds at most. A run longer than this many seconds gets wider points (2 s, 4 s, …)
 * instead of more: 900 points of seven numbers stay near 30 KB of JSON, well inside the 400 KB
 * DynamoDB item that holds the check result (reports/store/tableDesign.ts maxItemBytes), and a
 * one-hour stability run still draws at 4 s resolution.
 */
export const maxLoadSeriesPoints = 900;

const counts = z.array(z.number().int().nonnegative()).max(maxLoadSeriesPoints);
const millis = z.array(z.number().nonnegative()).max(maxLoadSeriesPoints);

/**
 * A load run over time (issue 9, "per-second time series"), merged across shards. Point i covers
 * [startMs + i·bucketS s, startMs + (i+1)·bucketS s). Offered and accepted count transactions by
 * their *intended* send time, so a late harness cannot move load into a later second; committed
 * counts them by the time they were first seen in a block, and p50/p95 are the inclusion latencies
 * of the transactions committed in that point, read from a histogram merged across shards (never
 * an average of the shards' percentiles), rounded up to the edge of a ≈ 9% wide latency bucket.
 */
export const LoadSeriesSchema = z
  .object({
    /** Epoch ms of point 0: the scenario's common start time. */
    startMs: z.number(),
    /** Width of each point, s: 1, or a power of two when the run was longer than the points allowed. */
    bucketS: z.number().int().positive(),
    offered: counts,
    accepted: counts,
    committed: counts,
    p50Ms: millis,
    p95Ms: millis,
  })
  .refine(
    (s) =>
      [s.accepted, s.committed, s.p50Ms, s.p95Ms].every((a) => a.length === s.offered.length) &&
      s.accepted.every((a, i) => a <= s.offered[i]!),
    { message: 'a load series needs arrays of one length, with accepted ≤ offered in every point' },
  );
export type LoadSeries = z.infer<typeof LoadSeriesSchema>;
