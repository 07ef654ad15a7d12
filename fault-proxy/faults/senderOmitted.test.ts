import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { senderOmitted } from './senderOmitted.ts';

const tx = { hash: `0x${'aa'.repeat(32)}`, from: `0x${'11'.repeat(20)}`, nonce: '0x1' };

describe('senderOmitted', () => {
  it('drops from in lookups and in hydrated blocks', () => {
    const { from: _, ...without } = tx;
    const lookup = { id: 1, method: 'eth_getTransactionByBlockNumberAndIndex', params: ['0x1', '0x0'] };
    expect(senderOmitted(lookup, { id: 1, result: tx }, createProxyState()).result).toEqual(without);
    const block = { id: 1, method: 'eth_getBlockByHash', params: [`0x${'bb'.repeat(32)}`, true] };
    expect(
      senderOmitted(block, { id: 1, result: { transactions: [tx] } }, createProxyState()).result,
    ).toEqual({ transactions: [without] });
  });

  it('leaves receipts alone', () => {
    const receipt = { id: 1, result: { transactionHash: tx.hash, from: tx.from } };
    expect(senderOmitted({ id: 1, method: 'eth_getTransactionReceipt' }, receipt, createProxyState())).toBe(
      receipt,
    );
  });
});
