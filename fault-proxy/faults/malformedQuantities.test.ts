import { describe, expect, it } from 'vitest';
import { malformedQuantities, padQuantity } from './malformedQuantities.ts';

describe('malformedQuantities', () => {
  it('zero-pads odd-length quantities of a block and its transactions', () => {
    const request = { jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: ['0x2', true] };
    const block = {
      number: '0x2',
      gasUsed: '0x6246',
      hash: `0x${'11'.repeat(32)}`,
      transactions: [{ nonce: '0x0', value: '0x1' }],
    };
    const { result } = malformedQuantities(request, { jsonrpc: '2.0', id: 1, result: block });
    expect(result).toEqual({ ...block, number: '0x02', transactions: [{ nonce: '0x00', value: '0x01' }] });
  });

  it('pads transactions by hash and leaves receipts, nulls and even quantities alone', () => {
    const byHash = { jsonrpc: '2.0', id: 1, method: 'eth_getTransactionByHash', params: [] };
    expect(malformedQuantities(byHash, { id: 1, result: { nonce: '0x5' } }).result).toEqual({
      nonce: '0x05',
    });
    const receipt = { id: 1, result: { status: '0x1' } };
    expect(malformedQuantities({ ...byHash, method: 'eth_getTransactionReceipt' }, receipt)).toBe(receipt);
    const none = { id: 1, result: null };
    expect(malformedQuantities(byHash, none)).toBe(none);
    expect(padQuantity('0x6246')).toBe('0x6246');
  });
});
