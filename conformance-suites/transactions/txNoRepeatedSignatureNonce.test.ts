import { describe, expect, it } from 'vitest';
import { findRepeatedR } from './txNoRepeatedSignatureNonce.ts';

const signer = `0x${'11'.repeat(20)}`;
const other = `0x${'22'.repeat(20)}`;
const sig = (hash: string, from: string, r: bigint) => ({ hash, from, r, where: hash });

describe('findRepeatedR', () => {
  it('finds two different transactions of one signer with the same r', () => {
    const repeats = findRepeatedR([sig('0xa', signer, 5n), sig('0xb', signer, 6n), sig('0xc', signer, 5n)]);
    expect(repeats.map(([a, b]) => [a.hash, b.hash])).toEqual([['0xa', '0xc']]);
  });

  it('ignores the same transaction read twice and a shared r across signers (keyless deployments)', () => {
    expect(findRepeatedR([sig('0xa', signer, 5n), sig('0xa', signer, 5n)])).toEqual([]);
    expect(findRepeatedR([sig('0xa', signer, 5n), sig('0xb', other, 5n)])).toEqual([]);
  });
});
