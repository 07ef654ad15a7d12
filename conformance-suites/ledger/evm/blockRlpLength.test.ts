import { describe, expect, it } from 'vitest';
import { anvilBlock1 } from './anvilBlockWithProof.fixture.ts';
import { blockRlpLength } from './blockRlpLength.ts';

describe('blockRlpLength', () => {
  it("rebuilds a real block's encoding: anvil's size leaves the empty withdrawals list (1 byte) out", () => {
    expect(blockRlpLength(anvilBlock1)).toEqual({ kind: 'computed', bytes: Number(anvilBlock1.size) + 1 });
    const { withdrawals: _, ...preShanghai } = anvilBlock1;
    expect(blockRlpLength(preShanghai)).toEqual({ kind: 'computed', bytes: Number(anvilBlock1.size) });
  });

  it('says why it cannot rebuild: hashes only, uncles, a missing header field', () => {
    const txs = anvilBlock1.transactions as { hash: string }[];
    expect(blockRlpLength({ ...anvilBlock1, transactions: txs.map((t) => t.hash) })).toMatchObject({
      kind: 'unavailable',
      reason: 'block 0x1 lists transaction hashes, not objects',
    });
    expect(blockRlpLength({ ...anvilBlock1, uncles: [`0x${'11'.repeat(32)}`] })).toMatchObject({
      kind: 'unavailable',
    });
    const { stateRoot: _, ...headless } = anvilBlock1;
    expect(blockRlpLength(headless)).toEqual({
      kind: 'unavailable',
      reason: 'block 0x1 has no "stateRoot" field to encode',
    });
  });
});
