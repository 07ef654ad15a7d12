import { describe, expect, it } from 'vitest';
import { filterChangesSkip } from './filterChangesSkip.ts';

const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const poll = (id: string) => ({ id: 1, method: 'eth_getFilterChanges', params: [id] });

describe('filterChangesSkip', () => {
  it('omits every second hash a filter delivers, across polls', () => {
    const seen = new Map<string, number>();
    expect(filterChangesSkip(poll('0x1'), { id: 1, result: [hash(1)] }, seen).result).toEqual([hash(1)]);
    expect(filterChangesSkip(poll('0x1'), { id: 1, result: [hash(2), hash(3)] }, seen).result).toEqual([
      hash(3),
    ]);
    expect(filterChangesSkip(poll('0x2'), { id: 1, result: [hash(4)] }, seen).result).toEqual([hash(4)]);
  });

  it('leaves log answers, empty answers and other methods alone', () => {
    const seen = new Map<string, number>();
    const logs = { id: 1, result: [{ logIndex: '0x0' }] };
    const empty = { id: 1, result: [] };
    expect(filterChangesSkip(poll('0x1'), logs, seen)).toBe(logs);
    expect(filterChangesSkip(poll('0x1'), empty, seen)).toBe(empty);
    expect(
      filterChangesSkip({ ...poll('0x1'), method: 'eth_getFilterLogs' }, { id: 1, result: [hash(1)] }, seen)
        .result,
    ).toEqual([hash(1)]);
    expect(seen.size).toBe(0);
  });
});
