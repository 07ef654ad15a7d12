import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { nonceOffByOne } from './nonceOffByOne.ts';

const request = { id: 1, method: 'eth_getTransactionCount', params: [`0x${'11'.repeat(20)}`, 'latest'] };

describe('nonceOffByOne', () => {
  it('answers one more than the chain counts', () => {
    expect(nonceOffByOne(request, { id: 1, result: '0x0' }, createProxyState()).result).toBe('0x1');
    expect(nonceOffByOne(request, { id: 1, result: '0xff' }, createProxyState()).result).toBe('0x100');
  });

  it('leaves errors and other methods alone', () => {
    const error = { id: 1, error: { code: -32000, message: 'header not found' } };
    expect(nonceOffByOne(request, error, createProxyState())).toBe(error);
    const balance = { id: 1, result: '0x5' };
    expect(nonceOffByOne({ ...request, method: 'eth_getBalance' }, balance, createProxyState())).toBe(
      balance,
    );
  });
});
