import { parseTransaction, recoverTransactionAddress } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { expect, it } from 'vitest';
import { redactUrl } from './redactUrl.ts';
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

it('strips credentials, query and fragment from endpoints shown in reports', () => {
  expect(redactUrl('https://user:secret@node.example:8545/rpc?token=abc#x')).toBe(
    'https://node.example:8545/rpc',
  );
  expect(redactUrl('http://127.0.0.1:8545')).toBe('http://127.0.0.1:8545');
});
