import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { type ShardSeries, ShardSeriesSchema } from './ShardSeriesSchema.ts';

/** Inflated size a stored series may have: far above any bounded series, far below harm. */
const maxInflatedBytes = 16 * 1024 * 1024;

/**
 * A shard series as a shard result carries it: JSON, raw-deflated, base64. Mostly small repeating
 * integers, it shrinks several-fold, which keeps long runs' shard results small in the state
 * payloads and the store.
 */
export function encodeShardSeries(series: ShardSeries): string {
  return deflateRawSync(Buffer.from(JSON.stringify(series))).toString('base64');
}

export function decodeShardSeries(base64: string): ShardSeries {
  try {
    const json = inflateRawSync(Buffer.from(base64, 'base64'), { maxOutputLength: maxInflatedBytes });
    return ShardSeriesSchema.parse(JSON.parse(json.toString('utf8')));
  } catch (cause) {
    throw new ConfigError(
      `stored load series "${base64.slice(0, 24)}…" is not a deflated, base64 shard series`,
      { cause },
    );
  }
}
