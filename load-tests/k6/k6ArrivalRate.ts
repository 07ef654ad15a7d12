import { ConfigError } from '#core/errors/ConfigError.ts';

/** A rate as k6's arrival-rate executors take it: whole iterations per `timeUnit`. */
export interface K6ArrivalRate {
  readonly rate: number;
  readonly timeUnit: string;
}

/**
 * k6 accepts only an integer `rate` per `timeUnit`, so a fractional tx/s becomes iterations per 10 s,
 * 100 s or 1,000 s. The spacing is then exactly the one scenarios/constantArrivalRate.ts gives
 * (`i / rateTps` s), so iteration i of k6 is due when corpus item i is.
 */
export function k6ArrivalRate(rateTps: number): K6ArrivalRate {
  for (const unitS of [1, 10, 100, 1_000]) {
    const rate = rateTps * unitS;
    const whole = Math.round(rate);
    if (whole >= 1 && Math.abs(rate - whole) < 1e-9 * Math.max(1, rate))
      return { rate: whole, timeUnit: `${unitS}s` };
  }
  throw new ConfigError(
    `k6 needs a whole number of transactions per 1, 10, 100 or 1,000 s; ${rateTps} tx/s is not one (use at most 3 decimals, at least 0.001 tx/s)`,
  );
}
