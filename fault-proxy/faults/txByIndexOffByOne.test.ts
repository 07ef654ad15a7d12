import { describe, expect, it } from 'vitest';
import { txByIndexOffByOne } from './txByIndexOffByOne.ts';

describe('txByIndexOffByOne', () => {
  it('asks the chain for the next index', () => {
    const request = { id: 1, method: 'eth_getTransactionByBlockHashAndIndex', params: ['0xabc', '0x0'] };
    expect(txByIndexOffByOne(request)).toEqual({ ...request, params: ['0xabc', '0x1'] });
  });

  it('leaves other requests unchanged (same reference)', () => {
    const request = { id: 1, method: 'eth_getTransactionByHash', params: ['0xabc'] };
    expect(txByIndexOffByOne(request)).toBe(request);
  });
});
