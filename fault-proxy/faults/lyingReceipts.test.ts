import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { lyingReceipts } from './lyingReceipts.ts';

const failed = { transactionHash: `0x${'aa'.repeat(32)}`, status: '0x0', gasUsed: '0x5208' };
const succeeded = { transactionHash: `0x${'bb'.repeat(32)}`, status: '0x1', gasUsed: '0x5208' };

describe('lyingReceipts', () => {
  it('reports a failed receipt as successful, nothing else changed', () => {
    const request = { id: 1, method: 'eth_getTransactionReceipt', params: [failed.transactionHash] };
    expect(lyingReceipts(request, { id: 1, result: failed }, createProxyState()).result).toEqual({
      ...failed,
      status: '0x1',
    });
  });

  it('flips failed receipts inside eth_getBlockReceipts', () => {
    const request = { id: 1, method: 'eth_getBlockReceipts', params: ['0x1'] };
    const response = lyingReceipts(request, { id: 1, result: [succeeded, failed] }, createProxyState());
    expect(response.result).toEqual([succeeded, { ...failed, status: '0x1' }]);
  });

  it('leaves successful receipts and missing receipts alone', () => {
    const request = { id: 1, method: 'eth_getTransactionReceipt', params: [succeeded.transactionHash] };
    const ok = { id: 1, result: succeeded };
    const none = { id: 1, result: null };
    expect(lyingReceipts(request, ok, createProxyState())).toBe(ok);
    expect(lyingReceipts(request, none, createProxyState())).toBe(none);
  });
});
