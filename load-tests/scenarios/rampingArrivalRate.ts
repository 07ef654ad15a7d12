import { ConfigError } from '#core/errors/ConfigError.ts';
import type { ScheduledSend } from './constantArrivalRate.ts';

/** One stage of a ramp: the rate moves linearly to `targetTps` over `durationS` (k6 `stages`). */
export interface RampStage {
  readonly targetTps: number;
  readonly durationS: number;
}

/** Load shape (k6 `ramping-arrival-rate`): a start rate, then stages that ramp it linearly. */
export interface RampingArrivalRate {
  readonly startRateTps: number;
  readonly stages: readonly RampStage[];
}

/** A ramp bigger than this is a configuration mistake, not a load test (bounded memory and time). */
export const maxRampSends = 5_000_000;

/**
 * The sends one shard owns under a ramp: send `i` is due when the integral of the rate reaches `i`
 * (so the instantaneous rate follows the ramp exactly), and belongs to shard `i mod shardCount`.
 * Open model, as constantArrivalRate: due times never depend on the target's answers. A stage at a
 * constant rate gives the same spacing constantArrivalRate does.
 */
export function rampingArrivalRate(
  shape: RampingArrivalRate,
  shardIndex: number,
  shardCount: number,
): ScheduledSend[] {
  if (!(shape.startRateTps >= 0) || shape.stages.length === 0) {
    throw new ConfigError(
      `ramping load shape needs a start rate ≥ 0 and at least one stage, got ${shape.startRateTps} tx/s and ${shape.stages.length} stage(s)`,
    );
  }
  for (const [i, stage] of shape.stages.entries()) {
    if (!(stage.targetTps >= 0) || !(stage.durationS > 0)) {
      throw new ConfigError(
        `ramp stage ${i + 1} needs a target rate ≥ 0 and a positive duration, got ${stage.targetTps} tx/s for ${stage.durationS} s`,
      );
    }
  }
  if (
    !Number.isInteger(shardCount) ||
    shardCount < 1 ||
    !Number.isInteger(shardIndex) ||
    shardIndex < 0 ||
    shardIndex >= shardCount
  ) {
    throw new ConfigError(
      `shard ${shardIndex} of ${shardCount} does not exist; shard indexes run from 0 to shardCount − 1`,
    );
  }
  let fromRate = shape.startRateTps;
  let total = 0;
  for (const stage of shape.stages) {
    total += ((fromRate + stage.targetTps) / 2) * stage.durationS;
    fromRate = stage.targetTps;
  }
  if (total > maxRampSends) {
    throw new ConfigError(
      `ramp sends ${Math.round(total)} transactions, more than ${maxRampSends}; lower the rates or durations`,
    );
  }

  const sends: ScheduledSend[] = [];
  let index = 0;
  let before = 0; // sends due before the current stage (fractional)
  let stageStartMs = 0;
  fromRate = shape.startRateTps;
  for (const stage of shape.stages) {
    const d = stage.durationS;
    const slope = (stage.targetTps - fromRate) / d;
    const inStage = ((fromRate + stage.targetTps) / 2) * d;
    // Send `index` is due at the t (s into the stage) where r0·t + slope·t²/2 = index − before.
    while (index < before + inStage - 1e-9) {
      const n = index - before;
      const t =
        Math.abs(slope) < 1e-12
          ? n / fromRate
          : (-fromRate + Math.sqrt(Math.max(0, fromRate * fromRate + 2 * slope * n))) / slope;
      if (index % shardCount === shardIndex) sends.push({ index, offsetMs: stageStartMs + t * 1_000 });
      index += 1;
    }
    before += inStage;
    stageStartMs += d * 1_000;
    fromRate = stage.targetTps;
  }
  return sends;
}
