import { describe, expect, it } from 'vitest';
import { historyPruned } from './historyPruned.ts';

const request = { id: 1, method: 'eth_getBlockByNumber', params: ['0x2', false] };
const block = (n: number) => ({ id: 1, result: { number: `0x${n.toString(16)}` } });

describe('historyPruned', () => {
  it('answers null for old blocks after genesis', () => {
    expect(historyPruned(request, block(2), 20n).result).toBeNull();
    expect(historyPruned(request, block(12), 20n).result).toBeNull();
  });

  it('keeps genesis and the last 8 blocks, and answers untouched without a head', () => {
    for (const n of [0, 13, 20]) expect(historyPruned(request, block(n), 20n)).toEqual(block(n));
    expect(historyPruned(request, block(2), undefined)).toEqual(block(2));
  });
});
