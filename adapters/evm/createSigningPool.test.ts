import { keccak256, type TransactionSerializable } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, describe, expect, it } from 'vitest';
import { createSigningPool } from './createSigningPool.ts';

const keys = [generatePrivateKey(), generatePrivateKey(), generatePrivateKey()];
const items = Array.from({ length: 300 }, (_, i) => ({
  key: keys[i % keys.length]!,
  tx: {
    chainId: 31337,
    nonce: Math.floor(i / keys.length),
    gas: 21_000n,
    to: '0x00000000000000000000000000000000000000aa',
    value: 1n,
    type: 'eip1559',
    maxFeePerGas: 2_000_000_000n,
    maxPriorityFeePerGas: 1_000_000_000n,
  } satisfies TransactionSerializable,
}));

describe('createSigningPool', () => {
  const pool = createSigningPool({ threads: 2, minBatch: 10 });
  afterAll(() => pool.close());

  it('signs in worker threads exactly what viem signs here, in order', async () => {
    const signed = await pool.sign(items);
    expect(signed).toHaveLength(items.length);
    // RFC 6979 signatures are deterministic: the same bytes as signing on this thread.
    for (const i of [0, 1, 2, 150, 299]) {
      const raw = await privateKeyToAccount(items[i]!.key).signTransaction(items[i]!.tx);
      expect(signed[i]).toEqual({ raw, txId: keccak256(raw) });
    }
  });

  it('signs small batches on the calling thread, with the same bytes', async () => {
    const few = items.slice(0, 3);
    const small = await createSigningPool({ minBatch: 10 }).sign(few);
    const big = await pool.sign(items.slice(0, 20));
    expect(small).toEqual(big.slice(0, 3));
  });
});
