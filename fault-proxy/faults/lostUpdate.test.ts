import { describe, expect, it } from 'vitest';
import { lostUpdate, lostUpdateNeedsHead } from './lostUpdate.ts';

const request = (method: string, params: unknown[]) => ({ jsonrpc: '2.0', id: 1, method, params });

describe('lost-update', () => {
  it('asks for the state one block below the named block', () => {
    expect(lostUpdate(request('eth_getBalance', ['0xabc', '0x10']), undefined)?.params).toEqual([
      '0xabc',
      '0xf',
    ]);
    expect(lostUpdate(request('eth_getTransactionCount', ['0xabc', '0x1']), undefined)?.params).toEqual([
      '0xabc',
      '0x0',
    ]);
  });

  it('takes latest, pending and a missing block as the head', () => {
    expect(lostUpdateNeedsHead(request('eth_getBalance', ['0xabc', 'latest']))).toBe(true);
    expect(lostUpdate(request('eth_getBalance', ['0xabc', 'latest']), 7n)?.params).toEqual(['0xabc', '0x6']);
    expect(lostUpdate(request('eth_getTransactionCount', ['0xabc', 'pending']), 7n)?.params).toEqual([
      '0xabc',
      '0x6',
    ]);
    expect(lostUpdate(request('eth_getBalance', ['0xabc']), 2n)?.params).toEqual(['0xabc', '0x1']);
    expect(lostUpdate(request('eth_getBalance', ['0xabc', 'latest']), undefined)).toBeUndefined();
  });

  it('leaves genesis, EIP-1898 objects and other methods alone', () => {
    expect(lostUpdate(request('eth_getBalance', ['0xabc', '0x0']), 5n)).toBeUndefined();
    expect(lostUpdate(request('eth_getBalance', ['0xabc', { blockNumber: '0x5' }]), 5n)).toBeUndefined();
    expect(lostUpdate(request('eth_getCode', ['0xabc', '0x5']), 5n)).toBeUndefined();
    expect(lostUpdate(request('eth_blockNumber', []), 5n)).toBeUndefined();
    expect(lostUpdateNeedsHead(request('eth_getBalance', ['0xabc', '0x5']))).toBe(false);
  });
});
