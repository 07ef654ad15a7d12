import { describe, expect, it } from 'vitest';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { decodeShardBlocks, encodeShardBlocks } from './shardBlocksCodec.ts';

describe('shardBlocksCodec', () => {
  it('keeps a 30-minute run of 1 s blocks small and exact', () => {
    const startMs = 1_764_500_000_123.4;
    const observed = Array.from({ length: 1_800 }, (_, i) => ({
      number: 5_000n + BigInt(i),
      txCount: 50 + (i % 7),
      seenAtMs: startMs + i * 1_000 + (i % 3) * 37,
    }));
    const encoded = encodeShardBlocks(observed, 4_999n, 6_790n);
    // A stability run's blocks stay far below the shard result's 300,000-character bound.
    expect(encoded.length).toBeLessThan(20_000);
    const decoded = decodeShardBlocks(encoded);
    expect(decoded.first).toBe(5_000);
    expect(decoded.lastInclusion).toBe(6_790);
    expect(decoded.blocks).toHaveLength(1_800);
    for (const [i, b] of decoded.blocks.entries()) {
      expect(b).toEqual({
        number: 5_000 + i,
        txCount: observed[i]!.txCount,
        seenAtMs: Math.round(observed[i]!.seenAtMs),
      });
    }
  });

  it('says where an empty list began, and refuses what is not a block list', () => {
    expect(decodeShardBlocks(encodeShardBlocks([], 41n, undefined))).toEqual({
      first: 42,
      lastInclusion: null,
      blocks: [],
    });
    expect(() => decodeShardBlocks('bm90IGRlZmxhdGVk')).toThrow(ConfigError);
  });
});
