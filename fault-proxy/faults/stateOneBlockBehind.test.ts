import { describe, expect, it } from 'vitest';
import { stateOneBlockBehind } from './stateOneBlockBehind.ts';

const address = `0x${'11'.repeat(20)}`;

describe('stateOneBlockBehind', () => {
  it('reads an explicit block number one block earlier', () => {
    const call = stateOneBlockBehind({ id: 1, method: 'eth_call', params: [{ to: address }, '0x10'] });
    expect(call.params).toEqual([{ to: address }, '0xf']);
    const slot = stateOneBlockBehind({ id: 1, method: 'eth_getStorageAt', params: [address, '0x1', '0x1'] });
    expect(slot.params).toEqual([address, '0x1', '0x0']);
  });

  it('leaves tags, genesis and other methods untouched', () => {
    for (const request of [
      { id: 1, method: 'eth_call', params: [{ to: address }, 'latest'] },
      { id: 1, method: 'eth_getCode', params: [address, '0x0'] },
      { id: 1, method: 'eth_getBlockByNumber', params: ['0x5', false] },
    ]) {
      expect(stateOneBlockBehind(request)).toBe(request);
    }
  });
});
