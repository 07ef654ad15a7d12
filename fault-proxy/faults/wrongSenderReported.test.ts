import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { otherAddress, wrongSenderReported } from './wrongSenderReported.ts';

const from = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
const tx = { hash: `0x${'aa'.repeat(32)}`, from, nonce: '0x1' };

describe('wrongSenderReported', () => {
  it('names another sender in a transaction lookup', () => {
    const request = { id: 1, method: 'eth_getTransactionByHash', params: [tx.hash] };
    const result = wrongSenderReported(request, { id: 1, result: tx }, createProxyState()).result;
    expect(result).toEqual({ ...tx, from: otherAddress(from) });
    expect(otherAddress(from)).toMatch(/^0x[0-9a-f]{40}$/);
    expect(otherAddress(from)).not.toBe(from);
  });

  it('names another sender for every full transaction of a block, and leaves hash-only blocks alone', () => {
    const request = { id: 1, method: 'eth_getBlockByNumber', params: ['0x1', true] };
    const block = { number: '0x1', transactions: [tx, tx] };
    const result = wrongSenderReported(request, { id: 1, result: block }, createProxyState()).result as {
      transactions: { from: string }[];
    };
    expect(result.transactions.map((t) => t.from)).toEqual([otherAddress(from), otherAddress(from)]);
    const hashes = { id: 1, result: { number: '0x1', transactions: [tx.hash] } };
    expect(wrongSenderReported(request, hashes, createProxyState())).toBe(hashes);
  });

  it('leaves receipts and missing transactions alone', () => {
    const receipt = { id: 1, result: { transactionHash: tx.hash, from } };
    expect(
      wrongSenderReported({ id: 1, method: 'eth_getTransactionReceipt' }, receipt, createProxyState()),
    ).toBe(receipt);
    const none = { id: 1, result: null };
    expect(wrongSenderReported({ id: 1, method: 'eth_getTransactionByHash' }, none, createProxyState())).toBe(
      none,
    );
  });
});
