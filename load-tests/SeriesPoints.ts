import { maxLoadSeriesPoints } from '#core/checks/LoadSeriesSchema.ts';
import type { ShardSeries } from './ShardSeriesSchema.ts';

/**
 * A series being built or merged: per point, offered and accepted counts and a latency histogram
 * (bucket → count). Points only ever add up, so building per second and folding later is exact.
 */
export class SeriesPoints {
  readonly offered: number[] = [];
  readonly accepted: number[] = [];
  readonly latency: Map<number, number>[] = [];

  constructor(
    readonly startMs: number,
    public bucketS = 1,
  ) {}

  static fromShardSeries(series: ShardSeries): SeriesPoints {
    const points = new SeriesPoints(series.startMs, series.bucketS);
    series.offered.forEach((offered, i) => {
      points.add(i, { offered, accepted: series.accepted[i] ?? 0 });
      const pairs = series.latency[i] ?? [];
      for (let k = 0; k + 1 < pairs.length; k += 2) points.addLatency(i, pairs[k]!, pairs[k + 1]!);
    });
    return points;
  }

  get length(): number {
    return this.offered.length;
  }

  /** Grows the arrays to hold point `index` (zero-filled). */
  private reach(index: number): void {
    while (this.offered.length <= index) {
      this.offered.push(0);
      this.accepted.push(0);
      this.latency.push(new Map());
    }
  }

  add(index: number, counts: { readonly offered: number; readonly accepted: number }): void {
    this.reach(index);
    this.offered[index]! += counts.offered;
    this.accepted[index]! += counts.accepted;
  }

  addLatency(index: number, bucket: number, count: number): void {
    this.reach(index);
    const histogram = this.latency[index]!;
    histogram.set(bucket, (histogram.get(bucket) ?? 0) + count);
  }

  /** Adds every point of `other` (same width), shifted by `offset` points. */
  addAll(other: SeriesPoints, offset: number): void {
    for (let i = 0; i < other.length; i++) {
      this.add(i + offset, { offered: other.offered[i]!, accepted: other.accepted[i]! });
      for (const [bucket, count] of other.latency[i]!) this.addLatency(i + offset, bucket, count);
    }
  }

  /**
   * Doubles the width of every point until the width is at least `minBucketS` and the series has at
   * most `maxPoints` points: point j of the result is points 2j and 2j+1 added, so nothing is lost.
   */
  fold(minBucketS: number, maxPoints = maxLoadSeriesPoints): this {
    while (this.bucketS < minBucketS || this.length > maxPoints) {
      const pairs = Math.ceil(this.length / 2);
      for (let j = 0; j < pairs; j++) {
        const [a, b] = [2 * j, 2 * j + 1];
        this.offered[j] = this.offered[a]! + (this.offered[b] ?? 0);
        this.accepted[j] = this.accepted[a]! + (this.accepted[b] ?? 0);
        const merged = new Map(this.latency[a]!);
        for (const [bucket, count] of this.latency[b] ?? [])
          merged.set(bucket, (merged.get(bucket) ?? 0) + count);
        this.latency[j] = merged;
      }
      for (const list of [this.offered, this.accepted, this.latency]) list.length = pairs;
      this.bucketS *= 2;
    }
    return this;
  }

  toShardSeries(): ShardSeries {
    return {
      startMs: this.startMs,
      bucketS: this.bucketS,
      offered: [...this.offered],
      accepted: [...this.accepted],
      latency: this.latency.map((h) => [...h.entries()].sort(([a], [b]) => a - b).flat()),
    };
  }
}
