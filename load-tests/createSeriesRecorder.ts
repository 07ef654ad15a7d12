import { SeriesPoints } from './SeriesPoints.ts';
import type { ShardSeries } from './ShardSeriesSchema.ts';
import { bucketOfLatencyUs } from './seriesLatencyBuckets.ts';

/** A week of seconds: a clock gone wrong cannot make the recorder allocate without bound. */
const maxSecondIndex = 7 * 86_400;

export interface SeriesRecorder {
  /** A transaction sent (whatever the answer), counted in the second it was due. */
  offer(dueMs: number, accepted: boolean): void;
  /** A transaction committed: counted in the second it was seen in a block, with its latency. */
  commit(seenAtMs: number, latencyUs: number): void;
  /** The series so far, folded to at most maxLoadSeriesPoints points. */
  series(): ShardSeries;
}

/**
 * Records one shard's run per second from `startMs`, the scenario's common start time, so the
 * finalize step can add the shards' seconds index by index. Two additions and a map update per
 * transaction: cheap enough for the send hot path.
 */
export function createSeriesRecorder(startMs: number): SeriesRecorder {
  const points = new SeriesPoints(startMs);
  const secondOf = (atMs: number): number =>
    Math.min(maxSecondIndex, Math.max(0, Math.floor((atMs - startMs) / 1_000)));
  return {
    offer: (dueMs, accepted) => points.add(secondOf(dueMs), { offered: 1, accepted: accepted ? 1 : 0 }),
    commit: (seenAtMs, latencyUs) => points.addLatency(secondOf(seenAtMs), bucketOfLatencyUs(latencyUs), 1),
    series: () => {
      const copy = new SeriesPoints(startMs);
      copy.addAll(points, 0);
      return copy.fold(1).toShardSeries();
    },
  };
}
