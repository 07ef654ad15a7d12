import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { timestampSkewed } from './timestampSkewed.ts';

describe('timestampSkewed', () => {
  it('stamps blocks an hour later', () => {
    const response = timestampSkewed(
      { id: 1, method: 'eth_getBlockByHash' },
      { id: 1, result: { number: '0x1', timestamp: '0x10' } },
      createProxyState(),
    );
    expect(response.result).toEqual({ number: '0x1', timestamp: `0x${(16 + 3600).toString(16)}` });
  });

  it('leaves other answers alone', () => {
    const response = { id: 1, result: null };
    expect(timestampSkewed({ id: 1, method: 'eth_getBlockByNumber' }, response, createProxyState())).toBe(
      response,
    );
  });
});
