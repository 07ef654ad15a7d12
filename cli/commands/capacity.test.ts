import { describe, expect, it } from 'vitest';
import { runCli as cli } from '../../tests/support/runCli.ts';

describe('chaineval capacity flags', () => {
  it.each([
    [['--rate-max', '0'], /^--rate-max must be a whole number from 1 to 100000 \(got "0"\)/],
    [['--rate-max', '-5'], /^--rate-max must be a whole number from 1 to 100000 \(got "-5"\)/],
    [['--duration', '2.5'], /^--duration must be a whole number from 1 to 30 \(got "2.5"\)/],
    [['--duration', '600'], /^--duration must be a whole number from 1 to 30/],
    [['--workers', 'many'], /^--workers must be a whole number from 0 to 16 \(got "many"\)/],
    [['--workers'], /^--workers needs a value/],
    [['--rate', '10'], /^capacity: Unknown option '--rate'; run "chaineval capacity --help"/],
    [['now'], /^capacity takes no arguments, got "now"/],
  ])('refuses %j with one line and exit 1, before starting anything', async (flags, message) => {
    const run = await cli(['capacity', ...flags]);
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(message);
    expect(run.out).toBe('');
  });

  it('prints its help with exit 0', async () => {
    const run = await cli(['capacity', '--help']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Usage: chaineval capacity \[--rate-max N\]/);
  });
});
