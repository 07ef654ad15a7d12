import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaliperResults } from './parseCaliperResults.ts';

/** The manager's output of a real `npm run bench` Caliper run (2 workers, anvil, 1 s blocks), colours kept. */
const captured = readFileSync(
  new URL('./fixtures/caliper-0.6.0-anvil-2workers.txt', import.meta.url),
  'utf8',
);

describe('parseCaliperResults', () => {
  it('reads both rounds from the final table of a real run', () => {
    expect(parseCaliperResults(captured)).toEqual([
      {
        name: 'open',
        succ: 6000,
        fail: 0,
        sendRateTps: 461.3,
        maxLatencyS: 2.19,
        minLatencyS: 0.02,
        avgLatencyS: 1.04,
        throughputTps: 454.3,
      },
      {
        name: 'transfer',
        succ: 6000,
        fail: 0,
        sendRateTps: 435.8,
        maxLatencyS: 2.78,
        minLatencyS: 0.05,
        avgLatencyS: 1.31,
        throughputTps: 412.6,
      },
    ]);
  });

  it('uses the per-round tables when the run was killed before the final one', () => {
    const cut = captured.slice(0, captured.indexOf('### All test results ###'));
    expect(parseCaliperResults(cut).map((r) => [r.name, r.throughputTps])).toEqual([
      ['open', 454.3],
      ['transfer', 412.6],
    ]);
  });

  it('finds nothing in output without a result table', () => {
    expect(parseCaliperResults(captured.slice(0, captured.indexOf('Started round 1')))).toEqual([]);
  });

  it('reads "-" as no value (a round with no successful transaction)', () => {
    const table = [
      '| Name | Succ | Fail | Send Rate (TPS) | Max Latency (s) | Min Latency (s) | Avg Latency (s) | Throughput (TPS) |',
      '|------|------|------|-----------------|-----------------|-----------------|-----------------|------------------|',
      '| open | 0    | 12   | 40.1            | -               | -               | -               | 0.0              |',
    ].join('\n');
    expect(parseCaliperResults(table)[0]).toMatchObject({
      succ: 0,
      fail: 12,
      avgLatencyS: null,
      throughputTps: 0,
    });
  });

  it('fails when a column it reads is missing, rather than reading the wrong one', () => {
    expect(() => parseCaliperResults('| Name | Succ | Throughput (TPS) |\n| open | 1 | 2 |')).toThrow(
      /no column Fail/,
    );
  });

  it('fails on a cell that is not a number', () => {
    const table = [
      '| Name | Succ | Fail | Send Rate (TPS) | Max Latency (s) | Min Latency (s) | Avg Latency (s) | Throughput (TPS) |',
      '| open | many | 0    | 40.1            | 1               | 0               | 0.5             | 40               |',
    ].join('\n');
    expect(() => parseCaliperResults(table)).toThrow(/not one this bench can read/);
  });
});
