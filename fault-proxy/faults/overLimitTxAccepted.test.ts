import { keccak256 } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import type { UpstreamClient } from '../UpstreamClient.ts';
import { newFabricatedReceipts } from './nonceGapMined.ts';
import { overLimitTxAccepted } from './overLimitTxAccepted.ts';

const account = privateKeyToAccount('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
const head = { number: '0x9', hash: `0x${'bb'.repeat(32)}`, gasLimit: '0x1c9c380' }; // 30,000,000
const upstream: UpstreamClient = {
  forward: () => Promise.reject(new Error('not used')),
  call: async () => head,
};
const sign = (gas: bigint) =>
  account.signTransaction({ chainId: 31337, nonce: 0, to: account.address, value: 0n, gas, gasPrice: 7n });
const refused = { id: 1, error: { code: -32000, message: 'refused' } };
const send = (raw: string) => ({ id: 1, method: 'eth_sendRawTransaction', params: [raw] });
const receiptOf = (hash: string) => ({ id: 2, method: 'eth_getTransactionReceipt', params: [hash] });

describe('overLimitTxAccepted', () => {
  it.each([
    ['above the block gas limit', 30_000_001n],
    ['below the intrinsic gas', 20_999n],
  ])('acknowledges a refused transaction with gas %s and then reports it included', async (_, gas) => {
    const fabricated = newFabricatedReceipts();
    const raw = await sign(gas);
    const answer = await overLimitTxAccepted(send(raw), refused, upstream, fabricated);
    expect(answer).toEqual({ jsonrpc: '2.0', id: 1, result: keccak256(raw) });
    const receipt = await overLimitTxAccepted(
      receiptOf(keccak256(raw)),
      { id: 2, result: null },
      upstream,
      fabricated,
    );
    expect(receipt.result).toMatchObject({
      transactionHash: keccak256(raw),
      blockNumber: '0x9',
      status: '0x1',
      from: account.address.toLowerCase(),
    });
  });

  it('keeps other refusals and unknown receipts as the chain answered them', async () => {
    const fabricated = newFabricatedReceipts();
    expect(await overLimitTxAccepted(send(await sign(21_000n)), refused, upstream, fabricated)).toBe(refused);
    const none = { id: 2, result: null };
    expect(await overLimitTxAccepted(receiptOf(`0x${'cc'.repeat(32)}`), none, upstream, fabricated)).toBe(
      none,
    );
  });
});
