import { describe, expect, it } from 'vitest';
import { parseBenchFlags } from './parseBenchFlags.ts';

describe('parseBenchFlags', () => {
  it('runs every system by default', () => {
    expect([...parseBenchFlags([]).only]).toEqual(['bare', 'chaineval', 'caliper']);
  });

  it('takes one system, a comma-separated list, or a repeated flag', () => {
    expect([...parseBenchFlags(['--only', 'caliper']).only]).toEqual(['caliper']);
    expect([...parseBenchFlags(['--only=bare,chaineval']).only]).toEqual(['bare', 'chaineval']);
    expect([...parseBenchFlags(['--only', 'bare', '--only', 'caliper']).only]).toEqual(['bare', 'caliper']);
  });

  it('fails on a system it does not know, naming the allowed ones', () => {
    expect(() => parseBenchFlags(['--only', 'k6'])).toThrow(
      'bench: --only got "k6"; allowed: bare, chaineval, caliper (comma-separated or repeated), e.g. --only caliper',
    );
  });

  it('fails on an unknown flag with the usage', () => {
    expect(() => parseBenchFlags(['--fast'])).toThrow(
      /^bench: Unknown option '--fast'.*usage: npm run bench/,
    );
  });
});
