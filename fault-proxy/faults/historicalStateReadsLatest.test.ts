import { describe, expect, it } from 'vitest';
import { historicalStateReadsLatest } from './historicalStateReadsLatest.ts';

const address = `0x${'11'.repeat(20)}`;

describe('historicalStateReadsLatest', () => {
  it.each([
    ['eth_getStorageAt', [address, '0x1', '0x5'], 2],
    ['eth_getCode', [address, '0x5'], 1],
    ['eth_call', [{ to: address, data: '0x' }, '0x5'], 1],
    ['eth_getBalance', [address, 'earliest'], 1],
    ['eth_getTransactionCount', [address, { blockHash: `0x${'22'.repeat(32)}` }], 1],
  ] as const)('reads %s at latest whatever block it names', (method, params, index) => {
    const rewritten = historicalStateReadsLatest({ id: 1, method, params: [...params] });
    expect((rewritten.params as unknown[])[index]).toBe('latest');
    expect((rewritten.params as unknown[]).slice(0, index)).toEqual(params.slice(0, index));
  });

  it('leaves latest, pending, absent blocks and other methods untouched', () => {
    for (const request of [
      { id: 1, method: 'eth_getCode', params: [address, 'latest'] },
      { id: 1, method: 'eth_getCode', params: [address, 'pending'] },
      { id: 1, method: 'eth_getCode', params: [address] },
      { id: 1, method: 'eth_getBlockByNumber', params: ['0x5', false] },
    ]) {
      expect(historicalStateReadsLatest(request)).toBe(request);
    }
  });
});
