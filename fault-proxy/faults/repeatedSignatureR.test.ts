import { describe, expect, it } from 'vitest';
import { newFirstSignatures, repeatedSignatureR } from './repeatedSignatureR.ts';

const from = `0x${'11'.repeat(20)}`;
const tx = (n: number) => ({ hash: `0x${String(n).repeat(64)}`, from, r: `0x${String(n).repeat(63)}f` });
const lookup = { id: 1, method: 'eth_getTransactionByHash', params: [] };

describe('repeatedSignatureR', () => {
  it('reports later transactions of a sender with the r of the first one seen', () => {
    const first = newFirstSignatures();
    expect(repeatedSignatureR(lookup, { id: 1, result: tx(1) }, first).result).toEqual(tx(1));
    expect(repeatedSignatureR(lookup, { id: 1, result: tx(2) }, first).result).toEqual({
      ...tx(2),
      r: tx(1).r,
    });
    // The first transaction read again keeps its own r.
    expect(repeatedSignatureR(lookup, { id: 1, result: tx(1) }, first).result).toEqual(tx(1));
  });

  it('keeps senders apart and rewrites inside hydrated blocks', () => {
    const first = newFirstSignatures();
    const other = { ...tx(3), from: `0x${'22'.repeat(20)}` };
    const block = { id: 1, method: 'eth_getBlockByNumber', params: ['0x1', true] };
    const result = repeatedSignatureR(
      block,
      { id: 1, result: { transactions: [tx(1), other, tx(2)] } },
      first,
    ).result as { transactions: { r: string }[] };
    expect(result.transactions.map((t) => t.r)).toEqual([tx(1).r, other.r, tx(1).r]);
  });
});
