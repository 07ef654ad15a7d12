/** Units block timestamps come in: Ethereum seconds, FISCO BCOS milliseconds, Quorum Raft nanoseconds. */
export const timestampUnits = [
  { name: 'seconds', ms: 1_000 },
  { name: 'milliseconds', ms: 1 },
  { name: 'microseconds', ms: 0.001 },
  { name: 'nanoseconds', ms: 0.000_001 },
] as const;
export type TimestampUnit = (typeof timestampUnits)[number];

/** The unit that puts `timestamp` nearest the harness clock `nowMs` (a skewed clock stays in its unit). */
export function inferTimestampUnit(timestamp: bigint, nowMs: number): TimestampUnit {
  let best: TimestampUnit = timestampUnits[0];
  for (const unit of timestampUnits)
    if (Math.abs(Number(timestamp) * unit.ms - nowMs) < Math.abs(Number(timestamp) * best.ms - nowMs))
      best = unit;
  return best;
}
