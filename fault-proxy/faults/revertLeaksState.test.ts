import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { leakedWord, learnFromReceipt, resolvePendingCalls, revertLeaksState } from './revertLeaksState.ts';

const contract = '0xAbCdEf0000000000000000000000000000000001' as const;
const txHash = `0x${'aa'.repeat(32)}` as const;
const input = `0x60fe47b1${'00'.repeat(31)}2a` as const; // set(42)
const storageRead = { id: 1, method: 'eth_getStorageAt', params: [contract.toLowerCase(), '0x0', 'latest'] };
const zeroWord = { id: 1, result: `0x${'00'.repeat(32)}` };

describe('revertLeaksState', () => {
  it("answers a reverted call's last input word for its target's storage", () => {
    const state = createProxyState();
    state.pendingCalls.set(txHash, { to: contract, input });
    learnFromReceipt(state, { transactionHash: txHash, status: '0x0' });
    expect(revertLeaksState(storageRead, zeroWord, state).result).toBe(`0x${'00'.repeat(31)}2a`);
    expect(state.pendingCalls.size).toBe(0);
  });

  it('forgets successful calls and leaves other contracts alone', () => {
    const state = createProxyState();
    state.pendingCalls.set(txHash, { to: contract, input });
    learnFromReceipt(state, { transactionHash: txHash, status: '0x1' });
    expect(revertLeaksState(storageRead, zeroWord, state)).toBe(zeroWord);
    expect(state.pendingCalls.size).toBe(0);
  });

  it('asks for the receipts of calls nobody fetched a receipt for', async () => {
    const state = createProxyState();
    state.pendingCalls.set(txHash, { to: contract, input });
    const asked: string[] = [];
    await resolvePendingCalls(state, contract.toLowerCase(), async (hash) => {
      asked.push(hash);
      return { transactionHash: hash, status: '0x0' };
    });
    expect(asked).toEqual([txHash]);
    expect(state.revertedInputs.get(contract.toLowerCase())).toBe(input);
  });

  it('pads short inputs to a full word', () => {
    expect(leakedWord('0x2a')).toBe(`0x${'00'.repeat(31)}2a`);
  });
});
