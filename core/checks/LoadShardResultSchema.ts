import { z } from 'zod';

/**
 * Raw counts of one load shard (one worker or Lambda). Shards are merged in the finalize step:
 * counts add, histograms merge exactly, the window spans the earliest send to the latest inclusion.
 */
const LoadWindowSchema = z.object({
  scenario: z.string(),
  shardIndex: z.number().int().nonnegative(),
  shardCount: z.number().int().positive(),
  rateTps: z.number().positive(),
  durationS: z.number().positive(),
  sent: z.number().int().nonnegative(),
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  committed: z.number().int().nonnegative(),
  lost: z.number().int().nonnegative(),
  /** Epoch ms of the first intended send and of the last observed inclusion. */
  firstSendAtMs: z.number(),
  lastInclusionAtMs: z.number(),
  lastSendAtMs: z.number(),
  /** Base64 HDR histogram of intended-send → inclusion latency, µs. */
  latencyHistogram: z.string(),
  /** Base64 HDR histogram of actual − intended send time, µs (the generator's self-check). */
  sendLagHistogram: z.string(),
  /** First few rejection messages, as evidence. */
  rejections: z.array(z.string()).max(20),
  /**
   * The shard's run per second (load-tests/shardSeriesCodec.ts: deflated JSON, base64), with a
   * latency histogram per point so the finalize step merges the series exactly; optional, so shard
   * results stored before it still read.
   */
  series: z.string().max(300_000).optional(),
  /**
   * Latency tiers besides inclusion (DESIGN.md "Load measurement"), base64 HDR histograms in µs from
   * the intended send time: accepted = the node's answer to the submission (accepted ones only),
   * final = the first sighting of the block `finalityDepth` above the transaction's block. Optional,
   * so shard results stored before them still read.
   */
  ackLatencyHistogram: z.string().optional(),
  finalLatencyHistogram: z.string().optional(),
  finalityDepth: z.number().int().positive().optional(),
  /**
   * Every block the shard's watcher fetched with its transaction count and first sighting
   * (load-tests/shardBlocksCodec.ts: deflated JSON, base64): the on-chain ground truth the committed
   * count is checked against. Optional, as above.
   */
  blocks: z.string().max(300_000).optional(),
});

/**
 * A shard's raw counts; a capacity search (load-tests/runCapacityShard.ts) also keeps each step it
 * ran, in order, in `steps` (the top-level counts are then those of its first step), so the
 * finalize step merges every step across shards exactly as it merges whole runs.
 */
export const LoadShardResultSchema = LoadWindowSchema.extend({
  steps: z.array(LoadWindowSchema).max(64).optional(),
});
export type LoadShardResult = z.infer<typeof LoadShardResultSchema>;
