import { describe, expect, it } from 'vitest';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { constantArrivalRate } from './constantArrivalRate.ts';
import { rampingArrivalRate } from './rampingArrivalRate.ts';

describe('rampingArrivalRate', () => {
  it('sends the integral of the rate: a ramp from 0 to 20 tx/s over 2 s is 20 sends, denser at the end', () => {
    const sends = rampingArrivalRate({ startRateTps: 0, stages: [{ targetTps: 20, durationS: 2 }] }, 0, 1);
    expect(sends).toHaveLength(20);
    expect(sends[0]).toEqual({ index: 0, offsetMs: 0 });
    // N(t) = 5 t²: send 5 is due at 1 s, send 19 at sqrt(3.8) s.
    expect(sends[5]!.offsetMs).toBeCloseTo(1_000, 6);
    expect(sends[19]!.offsetMs).toBeCloseTo(Math.sqrt(3.8) * 1_000, 6);
    const gaps = sends.slice(1).map((s, i) => s.offsetMs - sends[i]!.offsetMs);
    expect(gaps.every((g, i) => i === 0 || g < gaps[i - 1]!)).toBe(true);
  });

  it('gives exactly the constant-rate schedule for a flat stage, and follows stages in order', () => {
    const flat = rampingArrivalRate({ startRateTps: 20, stages: [{ targetTps: 20, durationS: 3 }] }, 0, 1);
    expect(flat.map((s) => s.offsetMs)).toEqual(
      constantArrivalRate({ rateTps: 20, durationS: 3 }, 0, 1).map((s) => expect.closeTo(s.offsetMs, 6)),
    );
    const upDown = rampingArrivalRate(
      {
        startRateTps: 10,
        stages: [
          { targetTps: 30, durationS: 2 },
          { targetTps: 10, durationS: 2 },
        ],
      },
      0,
      1,
    );
    expect(upDown).toHaveLength(80);
    expect(upDown.filter((s) => s.offsetMs < 2_000)).toHaveLength(40);
    expect(upDown.at(-1)!.offsetMs).toBeLessThan(4_000);
  });

  it('splits across shards by index mod shardCount, losing and duplicating nothing', () => {
    const shape = { startRateTps: 5, stages: [{ targetTps: 50, durationS: 2 }] };
    const whole = rampingArrivalRate(shape, 0, 1);
    const merged = [0, 1, 2]
      .flatMap((i) => rampingArrivalRate(shape, i, 3))
      .sort((a, b) => a.index - b.index);
    expect(merged).toEqual(whole);
  });

  it('fails with a clear message on a bad shape or shard', () => {
    expect(() => rampingArrivalRate({ startRateTps: 1, stages: [] }, 0, 1)).toThrow(ConfigError);
    expect(() =>
      rampingArrivalRate({ startRateTps: 1, stages: [{ targetTps: 5, durationS: 0 }] }, 0, 1),
    ).toThrow(/stage 1 needs .* positive duration/);
    expect(() =>
      rampingArrivalRate({ startRateTps: 1, stages: [{ targetTps: 5, durationS: 1 }] }, 1, 1),
    ).toThrow(/shard 1 of 1/);
    expect(() =>
      rampingArrivalRate({ startRateTps: 100_000, stages: [{ targetTps: 100_000, durationS: 3_600 }] }, 0, 1),
    ).toThrow(/more than/);
  });
});
