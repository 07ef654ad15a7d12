import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { lookupIndexShifted } from './lookupIndexShifted.ts';

const tx = { hash: `0x${'aa'.repeat(32)}`, transactionIndex: '0x0', blockNumber: '0x5' };

describe('lookupIndexShifted', () => {
  it('reports the next index in eth_getTransactionByHash', () => {
    const request = { id: 1, method: 'eth_getTransactionByHash', params: [tx.hash] };
    expect(lookupIndexShifted(request, { id: 1, result: tx }, createProxyState()).result).toEqual({
      ...tx,
      transactionIndex: '0x1',
    });
  });

  it('leaves pending transactions, blocks and receipts alone', () => {
    const request = { id: 1, method: 'eth_getTransactionByHash', params: [tx.hash] };
    const pending = { id: 1, result: { ...tx, transactionIndex: null } };
    expect(lookupIndexShifted(request, pending, createProxyState())).toBe(pending);
    const receipt = { id: 1, result: tx };
    expect(
      lookupIndexShifted({ id: 1, method: 'eth_getTransactionReceipt' }, receipt, createProxyState()),
    ).toBe(receipt);
  });
});
