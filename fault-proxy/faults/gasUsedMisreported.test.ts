import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { gasUsedMisreported } from './gasUsedMisreported.ts';

const request = { id: 1, method: 'eth_getBlockByNumber', params: ['0x1', false] };

describe('gasUsedMisreported', () => {
  it('adds 21000 to the gasUsed of blocks with transactions', () => {
    const block = { number: '0x1', gasUsed: '0x5208', transactions: ['0x01'] };
    expect(gasUsedMisreported(request, { id: 1, result: block }, createProxyState()).result).toEqual({
      ...block,
      gasUsed: '0xa410',
    });
  });

  it('leaves empty blocks alone', () => {
    const response = { id: 1, result: { number: '0x1', gasUsed: '0x0', transactions: [] } };
    expect(gasUsedMisreported(request, response, createProxyState())).toBe(response);
  });
});
