import { loadClockMs } from './loadClock.ts';

/** Margin between a lone shard being ready and its first send (connections open, the watcher starts). */
const loneShardMarginMs = 500;

/**
 * When a shard's first send is due. Shards of one scenario share the plan's start time so their loads
 * add up; a shard ready after it would send its whole schedule late (the generator's self-check then
 * voids the run), which is right when other shards are already sending. A lone shard has nobody to
 * keep pace with, so it starts as soon as it is ready: its load is the same, only shifted.
 */
export function shardStartMs(
  ctx: {
    readonly startAtMs: number;
    readonly shardIndex: number;
    readonly shardCount: number;
    readonly progress: (line: string) => void;
  },
  now: () => number = loadClockMs,
): number {
  const lateByMs = now() - ctx.startAtMs;
  if (lateByMs <= 0) return ctx.startAtMs;
  if (ctx.shardCount === 1) {
    ctx.progress(
      `[load] the shard was ready ${Math.round(lateByMs)} ms after the planned start; it starts now`,
    );
    return now() + loneShardMarginMs;
  }
  ctx.progress(
    `[load] shard ${ctx.shardIndex + 1} was ready ${Math.round(lateByMs)} ms after the common start`,
  );
  return ctx.startAtMs;
}
