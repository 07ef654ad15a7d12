import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { txNotPropagated } from './txNotPropagated.ts';

const hash = `0x${'ab'.repeat(32)}` as const;
const receipt = { id: 1, result: { transactionHash: hash, status: '0x1' } };

describe('txNotPropagated', () => {
  it('hides receipts and lookups of transactions sent elsewhere', () => {
    const state = createProxyState();
    expect(
      txNotPropagated({ id: 1, method: 'eth_getTransactionReceipt', params: [hash] }, receipt, state).result,
    ).toBeNull();
    expect(
      txNotPropagated({ id: 1, method: 'eth_getTransactionByHash', params: [hash] }, receipt, state).result,
    ).toBeNull();
  });

  it('keeps what was sent through this endpoint, and other methods', () => {
    const state = createProxyState();
    state.sentRawTxHashes.add(hash);
    expect(
      txNotPropagated({ id: 1, method: 'eth_getTransactionReceipt', params: [hash] }, receipt, state),
    ).toBe(receipt);
    const block = { id: 1, result: { number: '0x1' } };
    expect(
      txNotPropagated(
        { id: 1, method: 'eth_getBlockByNumber', params: ['0x1', false] },
        block,
        createProxyState(),
      ),
    ).toBe(block);
  });
});
