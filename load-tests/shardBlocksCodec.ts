import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { type ShardBlocks, ShardBlocksSchema } from './ShardBlocksSchema.ts';
import type { ObservedBlock } from './watchInclusions.ts';

/** Inflated size stored blocks may have: far above maxShardBlocks entries, far below harm. */
const maxInflatedBytes = 4 * 1024 * 1024;

/** One decoded block of a shard's list: number, transaction count, epoch ms first seen (rounded). */
export interface ListedBlock {
  readonly number: number;
  readonly txCount: number;
  readonly seenAtMs: number;
}

/**
 * The watcher's blocks as a shard result carries them: JSON, raw-deflated, base64 (small repeating
 * integers: a 10 s run's blocks take a few dozen bytes). `fromHeight` is the height the watcher
 * started above, so an empty list still says where the shard's window began.
 */
export function encodeShardBlocks(
  blocks: readonly ObservedBlock[],
  fromHeight: bigint,
  lastInclusionBlock: bigint | undefined,
): string {
  let previous = 0;
  const seenMs = blocks.map((b) => {
    const ms = Math.round(b.seenAtMs);
    const delta = ms - previous;
    previous = ms;
    return delta;
  });
  const listed: ShardBlocks = {
    first: Number(blocks[0]?.number ?? fromHeight + 1n),
    lastInclusion: lastInclusionBlock === undefined ? null : Number(lastInclusionBlock),
    txCounts: blocks.map((b) => b.txCount),
    seenMs,
  };
  return deflateRawSync(Buffer.from(JSON.stringify(listed))).toString('base64');
}

export function decodeShardBlocks(base64: string): {
  readonly blocks: readonly ListedBlock[];
  readonly first: number;
  readonly lastInclusion: number | null;
} {
  let listed: ShardBlocks;
  try {
    const json = inflateRawSync(Buffer.from(base64, 'base64'), { maxOutputLength: maxInflatedBytes });
    listed = ShardBlocksSchema.parse(JSON.parse(json.toString('utf8')));
  } catch (cause) {
    throw new ConfigError(
      `stored load blocks "${base64.slice(0, 24)}…" are not a deflated, base64 block list`,
      { cause },
    );
  }
  let seenAtMs = 0;
  const blocks = listed.txCounts.map((txCount, i) => {
    seenAtMs += listed.seenMs[i]!;
    return { number: listed.first + i, txCount, seenAtMs };
  });
  return { blocks, first: listed.first, lastInclusion: listed.lastInclusion };
}
