import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { blockSizeInflated } from './blockSizeInflated.ts';

describe('blockSizeInflated', () => {
  it('reports 64 times the size', () => {
    const response = blockSizeInflated(
      { id: 1, method: 'eth_getBlockByNumber' },
      { id: 1, result: { number: '0x1', size: '0x300' } },
      createProxyState(),
    );
    expect(response.result).toEqual({ number: '0x1', size: `0x${(0x300 * 64).toString(16)}` });
  });

  it('leaves blocks without size and other methods alone', () => {
    const response = { id: 1, result: { number: '0x1' } };
    expect(blockSizeInflated({ id: 1, method: 'eth_getBlockByNumber' }, response, createProxyState())).toBe(
      response,
    );
  });
});
