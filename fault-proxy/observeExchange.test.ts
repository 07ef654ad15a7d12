import { keccak256 } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { anvilDevPrivateKey } from '#cli/embedded/startAnvil.ts';
import { observeExchange } from './observeExchange.ts';
import { createProxyState } from './ProxyState.ts';

const account = privateKeyToAccount(anvilDevPrivateKey);
const contract = '0x5fbdb2315678afecb367f032d93f642f64180aa3' as const;

describe('observeExchange', () => {
  it('remembers sent bytes, counts forwarded ones, and learns reverted calls from receipts', async () => {
    const raw = await account.signTransaction({
      chainId: 31337,
      to: contract,
      data: '0x60fe47b1000000000000000000000000000000000000000000000000000000000000002a',
      nonce: 0,
      gas: 100_000n,
      maxFeePerGas: 2n,
      maxPriorityFeePerGas: 1n,
    });
    const hash = keccak256(raw);
    const state = createProxyState();
    observeExchange(
      state,
      { id: 1, method: 'eth_sendRawTransaction', params: [raw] },
      { id: 1, result: hash },
      true,
    );
    expect(state.sentRawTxHashes.has(hash)).toBe(true);
    expect(state.forwardedRawTxCount).toBe(1);
    observeExchange(
      state,
      { id: 2, method: 'eth_getTransactionReceipt', params: [hash] },
      { id: 2, result: { transactionHash: hash, status: '0x0' } },
      true,
    );
    expect(state.revertedInputs.get(contract)).toMatch(/2a$/);
  });

  it('does not count a submission the proxy answered itself', () => {
    const state = createProxyState();
    observeExchange(
      state,
      { id: 1, method: 'eth_sendRawTransaction', params: ['0x02ab'] },
      { id: 1, result: '0x' },
      false,
    );
    expect(state.sentRawTxHashes.size).toBe(1);
    expect(state.forwardedRawTxCount).toBe(0);
  });
});
