import { describe, expect, it } from 'vitest';
import type { FaultContext } from '../defineFault.ts';
import { createProxyState } from '../ProxyState.ts';
import { forgetBlocks, restartLosesHistory } from './restartLosesHistory.ts';

const call = (method: string) => ({ jsonrpc: '2.0', id: 1, method, params: [] });
const answer = (result: unknown) => ({ jsonrpc: '2.0', id: 1, result });

describe('forgetBlocks', () => {
  it('answers null for blocks, transactions and receipts in 1..lostUpTo, and keeps genesis and later blocks', () => {
    expect(forgetBlocks(call('eth_getBlockByNumber'), answer({ number: '0x3' }), 5n).result).toBeNull();
    expect(
      forgetBlocks(call('eth_getTransactionReceipt'), answer({ blockNumber: '0x5' }), 5n).result,
    ).toBeNull();
    const genesis = answer({ number: '0x0' });
    expect(forgetBlocks(call('eth_getBlockByHash'), genesis, 5n)).toBe(genesis);
    const later = answer({ number: '0x6' });
    expect(forgetBlocks(call('eth_getBlockByNumber'), later, 5n)).toBe(later);
    const balance = answer('0x10');
    expect(forgetBlocks(call('eth_getBalance'), balance, 5n)).toBe(balance);
  });
});

describe('restartLosesHistory', () => {
  it('starts forgetting once the chain was unreachable, at the height it had', async () => {
    let height: string | undefined = '0x4';
    const memories = new Map<string, unknown>();
    const context: FaultContext = {
      state: createProxyState(),
      upstream: { forward: async () => ({ status: 200, text: '' }), call: async () => height },
      memory: <T>(init: () => T) => {
        if (!memories.has('m')) memories.set('m', init());
        return memories.get('m') as T;
      },
    };
    const block3 = answer({ number: '0x3' });
    await restartLosesHistory.intercept(call('eth_getBlockByNumber'), context);
    expect(restartLosesHistory.rewrite(call('eth_getBlockByNumber'), block3, context)).toBe(block3);
    height = undefined; // the node is down
    await restartLosesHistory.intercept(call('eth_blockNumber'), context);
    height = '0x4';
    await restartLosesHistory.intercept(call('eth_getBlockByNumber'), context);
    expect(restartLosesHistory.rewrite(call('eth_getBlockByNumber'), block3, context).result).toBeNull();
  });
});
