import { describe, expect, it } from 'vitest';
import { stampedBackwards, timestampBackwards } from './timestampBackwards.ts';

const request = { id: 1, method: 'eth_getBlockByNumber' };

describe('timestampBackwards', () => {
  it('stamps an even block one second before its parent', () => {
    const response = timestampBackwards(
      request,
      { id: 1, result: { number: '0x4', timestamp: '0x64' } },
      0x64n,
    );
    expect(response.result).toEqual({ number: '0x4', timestamp: '0x63' });
  });

  it('leaves odd blocks, block 0 and answers without the parent alone', () => {
    expect([0n, 1n, 3n].map(stampedBackwards)).toEqual([false, false, false]);
    const odd = { id: 1, result: { number: '0x3', timestamp: '0x64' } };
    expect(timestampBackwards(request, odd, 0x64n)).toBe(odd);
    const even = { id: 1, result: { number: '0x2', timestamp: '0x64' } };
    expect(timestampBackwards(request, even, undefined)).toBe(even);
  });
});
