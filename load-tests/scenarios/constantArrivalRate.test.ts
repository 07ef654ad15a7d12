import { describe, expect, it } from 'vitest';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { constantArrivalRate } from './constantArrivalRate.ts';

describe('constantArrivalRate', () => {
  it('schedules rate × duration sends at i / rate seconds', () => {
    const sends = constantArrivalRate({ rateTps: 20, durationS: 3 }, 0, 1);
    expect(sends).toHaveLength(60);
    expect(sends[0]).toEqual({ index: 0, offsetMs: 0 });
    expect(sends[1]).toEqual({ index: 1, offsetMs: 50 });
    expect(sends.at(-1)).toEqual({ index: 59, offsetMs: 2_950 });
  });

  it('splits the schedule across shards by index mod shardCount, losing and duplicating nothing', () => {
    const whole = constantArrivalRate({ rateTps: 7, durationS: 3 }, 0, 1);
    const shards = [0, 1, 2].map((i) => constantArrivalRate({ rateTps: 7, durationS: 3 }, i, 3));
    expect(shards.map((s) => s.length)).toEqual([7, 7, 7]);
    expect(shards[1]!.every((s) => s.index % 3 === 1)).toBe(true);
    const merged = shards.flat().sort((a, b) => a.index - b.index);
    expect(merged).toEqual(whole);
  });

  it('keeps at least one send for a rate × duration below one', () => {
    expect(constantArrivalRate({ rateTps: 0.2, durationS: 1 }, 0, 1)).toEqual([{ index: 0, offsetMs: 0 }]);
  });

  it('fails when the shard does not exist or the shape is not positive', () => {
    expect(() => constantArrivalRate({ rateTps: 10, durationS: 1 }, 2, 2)).toThrow(ConfigError);
    expect(() => constantArrivalRate({ rateTps: 10, durationS: 1 }, -1, 2)).toThrow(/shard -1 of 2/);
    expect(() => constantArrivalRate({ rateTps: 0, durationS: 1 }, 0, 1)).toThrow(/positive rate/);
  });
});
