import { describe, expect, it } from 'vitest';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { assertLoadFitsShardTimeout, shardSetupAllowanceS } from './assertLoadFitsShardTimeout.ts';

describe('assertLoadFitsShardTimeout', () => {
  it('accepts load that finishes within the shard timeout, up to the boundary', () => {
    expect(() => assertLoadFitsShardTimeout({ loadDurationS: 10, loadDrainS: 10 }, 900)).not.toThrow();
    expect(() =>
      assertLoadFitsShardTimeout({ loadDurationS: 900 - 10 - shardSetupAllowanceS, loadDrainS: 10 }, 900),
    ).not.toThrow();
  });

  it('refuses load that cannot finish, and says the largest duration that would', () => {
    const tooLong = () => assertLoadFitsShardTimeout({ loadDurationS: 3_600, loadDrainS: 10 }, 900);
    expect(tooLong).toThrow(ConfigError);
    expect(tooLong).toThrow(
      /loadDurationS 3600 \+ loadDrainS 10 .* exceeds the load-shard Lambda timeout of 900 s/,
    );
    expect(tooLong).toThrow(new RegExp(`at most ${900 - 10 - shardSetupAllowanceS}`));
    expect(() =>
      assertLoadFitsShardTimeout({ loadDurationS: 900 - 10 - shardSetupAllowanceS + 1, loadDrainS: 10 }, 900),
    ).toThrow(ConfigError);
  });
});
