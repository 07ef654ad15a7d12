import { z } from 'zod';

/** Blocks a shard result lists at most (a 1,800 s stability run at 100 ms blocks needs 18,000). */
export const maxShardBlocks = 20_000;

/**
 * The blocks one shard's watcher fetched, as it sends them to the finalize step (shardBlocksCodec.ts):
 * contiguous from `first`, each with its transaction count and the epoch ms the watcher first saw it
 * (`seenMs[0]` absolute, then differences, which deflate well). `lastInclusion` is the highest block
 * holding one of the shard's transactions (null when none was seen): the merged window's blocks end
 * at the highest of the shards'. Block numbers stay below 2^53 on every chain this harness reads.
 */
export const ShardBlocksSchema = z
  .object({
    first: z.number().int().nonnegative(),
    lastInclusion: z.number().int().nonnegative().nullable(),
    txCounts: z.array(z.number().int().nonnegative()).max(maxShardBlocks),
    seenMs: z.array(z.number().int()).max(maxShardBlocks),
  })
  .refine((b) => b.seenMs.length === b.txCounts.length, {
    message: 'shard blocks need one seen time per transaction count',
  });
export type ShardBlocks = z.infer<typeof ShardBlocksSchema>;
