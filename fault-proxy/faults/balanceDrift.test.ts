import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { balanceDrift } from './balanceDrift.ts';

const request = { id: 1, method: 'eth_getBalance', params: [`0x${'01'.repeat(20)}`, 'latest'] };

describe('balanceDrift', () => {
  it('subtracts one wei per forwarded raw transaction', () => {
    const state = Object.assign(createProxyState(), { forwardedRawTxCount: 3 });
    expect(balanceDrift(request, { id: 1, result: '0x64' }, state).result).toBe('0x61');
  });

  it('never goes below zero', () => {
    const state = Object.assign(createProxyState(), { forwardedRawTxCount: 3 });
    expect(balanceDrift(request, { id: 1, result: '0x1' }, state).result).toBe('0x0');
  });

  it('is transparent before any transaction and for other methods', () => {
    const response = { id: 1, result: '0x64' };
    expect(balanceDrift(request, response, createProxyState())).toBe(response);
    const state = Object.assign(createProxyState(), { forwardedRawTxCount: 3 });
    expect(balanceDrift({ ...request, method: 'eth_getTransactionCount' }, response, state)).toBe(response);
  });
});
