import { ConfigError } from '#core/errors/ConfigError.ts';

/** Load shape (k6 `constant-arrival-rate`): a rate held for a duration, whatever the target does. */
export interface ConstantArrivalRate {
  readonly rateTps: number;
  readonly durationS: number;
}

export interface ScheduledSend {
  /** Position in the whole scenario (all shards), 0-based. */
  readonly index: number;
  /** Intended send time after the scenario's start, ms. */
  readonly offsetMs: number;
}

/**
 * The sends one shard owns: transaction `i` of `round(rate × duration)` is due at `i / rate` s, and
 * belongs to shard `i mod shardCount`, so shards together send exactly the scenario's schedule and
 * each keeps the same spacing. Open model: due times never depend on earlier answers.
 */
export function constantArrivalRate(
  shape: ConstantArrivalRate,
  shardIndex: number,
  shardCount: number,
): ScheduledSend[] {
  if (!(shape.rateTps > 0) || !(shape.durationS > 0)) {
    throw new ConfigError(
      `load shape needs a positive rate and duration, got ${shape.rateTps} tx/s for ${shape.durationS} s`,
    );
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
  const total = Math.max(1, Math.round(shape.rateTps * shape.durationS));
  const sends: ScheduledSend[] = [];
  for (let index = shardIndex; index < total; index += shardCount) {
    sends.push({ index, offsetMs: (index * 1_000) / shape.rateTps });
  }
  return sends;
}
