import { describe, expect, it } from 'vitest';
import type { LoadSeries } from '#core/checks/LoadSeriesSchema.ts';
import { bilingual } from './bilingual.ts';
import { loadSeriesChart } from './loadSeriesChart.ts';

const t = bilingual('en');

const series: LoadSeries = {
  startMs: 0,
  bucketS: 2,
  offered: [100, 100, 100, 0],
  accepted: [100, 100, 90, 0],
  committed: [0, 180, 100, 10],
  p50Ms: [0, 900, 1_800, 2_500],
  p95Ms: [0, 1_400, 3_100, 4_000],
};

describe('loadSeriesChart', () => {
  it('draws throughput per second and latency over time, with the p95 bound', () => {
    const svg = loadSeriesChart(series, 3_000, t);
    expect(svg.match(/<svg /g)).toHaveLength(2);
    expect(svg).toContain('Throughput over time, tx/s');
    expect(svg).toContain('Inclusion latency over time, ms');
    expect(svg).toContain('p95 bound 3000 ms');
    // Counts per 2 s point are drawn as tx/s: 180 committed in a point is 90 tx/s; the axis tops at 100.
    expect(svg).toContain('>100</text>');
    expect(svg).toContain('2 s per point');
    for (const label of ['offered', 'accepted', 'committed', 'p50', 'p95'])
      expect(svg).toContain(`>${label}</`);
  });

  it('leaves a gap where nothing was committed instead of drawing a latency of 0', () => {
    const svg = loadSeriesChart(series, undefined, t);
    const latency = svg.slice(svg.indexOf('Inclusion latency'));
    // Point 0 committed nothing: the p50 line starts at point 1 (its middle: x = 52 + 1.5 × 480/4 = 232).
    expect(latency).toMatch(/<polyline points="232\.0,/);
    expect(latency).not.toContain('p95 bound');
  });

  it('draws nothing without a series', () => {
    expect(loadSeriesChart(undefined, 3_000, t)).toBe('');
    expect(
      loadSeriesChart({ ...series, offered: [], accepted: [], committed: [], p50Ms: [], p95Ms: [] }, 1, t),
    ).toBe('');
  });
});
