import { describe, expect, it } from 'vitest';
import { runCli as cli } from '../support/runCli.ts';

/**
 * `chaineval capacity` end to end at a small rate: the null sink starts in its child process, the
 * corpus is signed, the real sender (worker threads and on-thread) offers the load, and the
 * figure comes out with its structure. No timing is asserted: whether a rate held depends on what
 * else the machine runs.
 */
describe('chaineval capacity', () => {
  it('measures the generator against the null sink and ends with the capacity line', async () => {
    const run = await cli(['capacity', '--rate-max', '200', '--duration', '1', '--workers', '2']);
    expect(run.code, run.errors.join('\n')).toBe(0);
    expect(run.out).toMatch(/^null sink: child process on 127\.0\.0\.1; sends from 2 worker thread\(s\)/);
    expect(run.out).toMatch(
      /\n\| 200 \| [\d,]+ \| [\d.]+ ms \| [\d,]+ of 200 \| [\d.]+ \| [\d.]+ \| (held|failed) \|\n/,
    );
    expect(run.out).toMatch(/\nmachine: \d+ cores, load average [\d.]+ \(1 min\), Node v\d+/);
    expect(run.out.split('\n').at(-1)).toMatch(
      /^generator capacity on this machine: (200 tx\/s|below 200 tx\/s) offered to the null sink/,
    );
  });

  it('reports JSON with every rate offered and acknowledged, sending from the main thread', async () => {
    const run = await cli(['capacity', '--rate-max', '100', '--duration', '1', '--workers', '0', '--json']);
    expect(run.code, run.errors.join('\n')).toBe(0);
    const result = JSON.parse(run.out);
    expect(result).toMatchObject({
      sink: 'child process',
      workers: 0,
      sentFrom: 'this thread',
      durationS: 1,
      machine: { cores: expect.any(Number), loadAverage1m: expect.any(Number) },
    });
    expect(result.rates).toHaveLength(1);
    // The sink acknowledges everything: every send is answered, whatever the machine's load.
    expect(result.rates[0]).toMatchObject({ offeredTps: 100, sent: 100, accepted: 100 });
    expect(result.capacityTps === null || result.capacityTps === 100).toBe(true);
  });
});
