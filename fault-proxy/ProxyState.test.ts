import { describe, expect, it } from 'vitest';
import { proxyStateLimit, rememberBounded } from './ProxyState.ts';

describe('rememberBounded', () => {
  it('forgets the oldest entry once the limit is passed', () => {
    const seen = new Set<number>();
    for (let i = 0; i <= proxyStateLimit; i += 1) rememberBounded(seen, i);
    expect(seen.size).toBe(proxyStateLimit);
    expect(seen.has(0)).toBe(false);
    expect(seen.has(proxyStateLimit)).toBe(true);
  });

  it('refreshes a map entry that is set again', () => {
    const map = new Map<string, number>([['a', 1]]);
    rememberBounded(map, 'b', 2);
    rememberBounded(map, 'a', 3);
    expect([...map]).toEqual([
      ['b', 2],
      ['a', 3],
    ]);
  });
});
