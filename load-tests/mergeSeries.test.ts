import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoadMetricsSchema } from '#core/checks/LoadMetricsSchema.ts';
import { LoadSeriesSchema, maxLoadSeriesPoints } from '#core/checks/LoadSeriesSchema.ts';
import { createSeriesRecorder } from './createSeriesRecorder.ts';
import { encodeHistogram, newHistogram } from './histogramCodec.ts';
import { mergeSeries } from './mergeSeries.ts';
import { mergeShards } from './mergeShards.ts';
import { bucketOfLatencyUs, bucketUpperMs } from './seriesLatencyBuckets.ts';
import { decodeShardSeries, encodeShardSeries } from './shardSeriesCodec.ts';

const startMs = 1_700_000_000_000;

interface Event {
  readonly shard: number;
  readonly dueMs: number;
  readonly accepted: boolean;
  /** Latency µs when committed. */
  readonly latencyUs: number | undefined;
}

const eventArb = (maxDueMs: number) =>
  fc.record({
    shard: fc.integer({ min: 0, max: 2 }),
    dueMs: fc.integer({ min: 0, max: maxDueMs }),
    accepted: fc.boolean(),
    latencyUs: fc.option(fc.integer({ min: 0, max: 30_000_000 }), { nil: undefined }),
  });

function record(events: readonly Event[], seriesStartMs = startMs) {
  const recorder = createSeriesRecorder(seriesStartMs);
  for (const e of events) {
    recorder.offer(startMs + e.dueMs, e.accepted);
    if (e.accepted && e.latencyUs !== undefined)
      recorder.commit(startMs + e.dueMs + e.latencyUs / 1_000, e.latencyUs);
  }
  return recorder.series();
}

describe('mergeSeries', () => {
  // 40 s: per-second points; 3,000 s: shards that widened their points differently (1 s to 4 s).
  it.each([40_000, 3_000_000])(
    'merging the shards’ series gives the series of all their transactions (runs up to %i ms)',
    (maxDueMs) => {
      fc.assert(
        fc.property(fc.array(eventArb(maxDueMs), { maxLength: 300 }), (events) => {
          const shards = [0, 1, 2].map((i) => record(events.filter((e) => e.shard === i)));
          const merged = mergeSeries(shards.map((s) => decodeShardSeries(encodeShardSeries(s))));
          const union = mergeSeries([record(events)]);
          // Trailing empty seconds depend on which shard saw the last event; the points must agree.
          const trim = (a: readonly number[]) => a.slice(0, union!.offered.length);
          expect(merged!.bucketS).toBe(union!.bucketS);
          for (const key of ['offered', 'accepted', 'committed', 'p50Ms', 'p95Ms'] as const) {
            expect(trim(merged![key])).toEqual(union![key]);
            expect(merged![key].slice(union!.offered.length).every((v) => v === 0)).toBe(true);
          }
          expect(LoadSeriesSchema.safeParse(merged).success).toBe(true);
        }),
        { numRuns: 200 },
      );
    },
  );

  it('counts offered and accepted by the due second and committed by the second seen in a block', () => {
    const series = mergeSeries([
      record([
        { shard: 0, dueMs: 100, accepted: true, latencyUs: 1_500_000 },
        { shard: 0, dueMs: 900, accepted: false, latencyUs: undefined },
        { shard: 0, dueMs: 1_200, accepted: true, latencyUs: 400_000 },
      ]),
    ])!;
    expect(series.offered).toEqual([2, 1]);
    expect(series.accepted).toEqual([1, 1]);
    expect(series.committed).toEqual([0, 2]);
    // 400 ms and 1,500 ms, each rounded up to its bucket's edge (never below the true value).
    expect(series.p50Ms[1]).toBeGreaterThanOrEqual(400);
    expect(series.p50Ms[1]).toBeLessThan(400 * 1.1);
    expect(series.p95Ms[1]).toBeGreaterThanOrEqual(1_500);
    expect(series.p95Ms[1]).toBeLessThan(1_500 * 1.1);
  });

  it('keeps a long run within the point budget by widening points, losing no transaction', () => {
    const events: Event[] = Array.from({ length: 20_000 }, (_, i) => ({
      shard: 0,
      dueMs: i * 500,
      accepted: i % 7 !== 0,
      latencyUs: i % 7 !== 0 ? 200_000 + (i % 13) * 100_000 : undefined,
    }));
    const shard = record(events);
    expect(shard.offered.length).toBeLessThanOrEqual(maxLoadSeriesPoints);
    const series = mergeSeries([shard, record([])])!;
    expect(series.bucketS).toBe(16);
    expect(series.offered.length).toBeLessThanOrEqual(maxLoadSeriesPoints);
    const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);
    expect(sum(series.offered)).toBe(20_000);
    expect(sum(series.accepted)).toBe(events.filter((e) => e.accepted).length);
    expect(sum(series.committed)).toBe(events.filter((e) => e.accepted).length);
    // Compact enough for a DynamoDB item with room to spare.
    expect(encodeShardSeries(shard).length).toBeLessThan(40_000);
    expect(JSON.stringify(series).length).toBeLessThan(40_000);
  });

  it('shifts a shard that started later by whole points from the earliest start', () => {
    const early = record([{ shard: 0, dueMs: 0, accepted: true, latencyUs: 100_000 }]);
    const late = createSeriesRecorder(startMs + 2_000);
    late.offer(startMs + 2_000, true);
    const series = mergeSeries([early, late.series()])!;
    expect(series.startMs).toBe(startMs);
    expect(series.offered).toEqual([1, 0, 1]);
  });

  it('buckets latencies ≈ 9% wide with upper edges at or above every value in them', () => {
    for (const us of [0, 999, 1_000, 1_001, 53_000, 999_999, 1_000_000, 7_654_321]) {
      const upper = bucketUpperMs(bucketOfLatencyUs(us));
      expect(upper).toBeGreaterThanOrEqual(us / 1_000);
      expect(upper).toBeLessThanOrEqual(Math.max(1, (us / 1_000) * 2 ** (1 / 8)));
    }
  });

  it('refuses a stored series that is not one, in one line', () => {
    expect(() => decodeShardSeries('bm90IGEgc2VyaWVz')).toThrow(/is not a deflated, base64 shard series/);
  });
});

describe('mergeShards with series', () => {
  const window = (shardIndex: number, series: string | undefined) => ({
    scenario: 'transfer-constant-rate',
    shardIndex,
    shardCount: 2,
    rateTps: 2,
    durationS: 1,
    sent: 1,
    accepted: 1,
    rejected: 0,
    committed: 1,
    lost: 0,
    firstSendAtMs: startMs,
    lastInclusionAtMs: startMs + 1_000,
    lastSendAtMs: startMs,
    latencyHistogram: encodeHistogram(newHistogram()),
    sendLagHistogram: encodeHistogram(newHistogram()),
    rejections: [],
    ...(series === undefined ? {} : { series }),
  });
  const one = encodeShardSeries(record([{ shard: 0, dueMs: 0, accepted: true, latencyUs: 1_000_000 }]));

  it('carries the merged series in the metrics', () => {
    const metrics = LoadMetricsSchema.parse(mergeShards([window(0, one), window(1, one)]));
    expect(metrics.series?.offered).toEqual([2, 0]);
    expect(metrics.series?.committed).toEqual([0, 2]);
  });

  it('leaves the series out when a shard recorded none, rather than understate the load', () => {
    expect(mergeShards([window(0, one), window(1, undefined)]).series).toBeUndefined();
  });
});
