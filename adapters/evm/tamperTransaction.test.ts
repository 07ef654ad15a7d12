import { parseTransaction, recoverTransactionAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { expect, it } from 'vitest';
import { forgeSignature } from './forgeSignature.ts';
import { tamperTransaction } from './tamperTransaction.ts';

const account = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');

it('changes the payload, keeps the signature, and so breaks the sender binding', async () => {
  const raw = await account.signTransaction({
    chainId: 31337,
    type: 'eip1559',
    nonce: 0,
    gas: 21_000n,
    maxFeePerGas: 2n,
    maxPriorityFeePerGas: 1n,
    to: account.address,
    value: 5n,
  });
  const tampered = tamperTransaction(raw);
  expect(tampered).not.toBe(raw);
  expect(parseTransaction(tampered).value).toBe(6n);
  expect(parseTransaction(tampered).r).toBe(parseTransaction(raw).r);
  expect(await recoverTransactionAddress({ serializedTransaction: raw as never })).toBe(account.address);
  expect(await recoverTransactionAddress({ serializedTransaction: tampered as never })).not.toBe(
    account.address,
  );
});

it('forges a signature no key can make: r = 0, everything else kept', async () => {
  const raw = await account.signTransaction({
    chainId: 31337,
    type: 'eip1559',
    nonce: 3,
    gas: 21_000n,
    maxFeePerGas: 2n,
    maxPriorityFeePerGas: 1n,
    to: account.address,
    value: 5n,
  });
  const forged = forgeSignature(raw);
  const parsed = parseTransaction(forged);
  expect(BigInt(parsed.r ?? '0x1')).toBe(0n);
  expect(parsed.s).toBe(parseTransaction(raw).s);
  expect(parsed.nonce).toBe(3);
  expect(parsed.value).toBe(5n);
  await expect(recoverTransactionAddress({ serializedTransaction: forged as never })).rejects.toThrow();
});
