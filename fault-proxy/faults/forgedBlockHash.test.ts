import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { forgedBlockHash } from './forgedBlockHash.ts';

const block = {
  number: '0x5',
  hash: `0x${'11'.repeat(32)}`,
  parentHash: `0x${'22'.repeat(32)}`,
  transactions: [],
};
const request = { jsonrpc: '2.0', id: 1, method: 'eth_getBlockByNumber', params: ['0x5', false] };

describe('forgedBlockHash', () => {
  it('replaces the hash with keccak256 of the real one and leaves every other field alone', () => {
    const response = forgedBlockHash(request, { jsonrpc: '2.0', id: 1, result: block }, createProxyState());
    expect(response.result).toEqual({ ...block, hash: keccak256(block.hash as `0x${string}`) });
    expect(response.id).toBe(1);
  });

  it('rewrites blocks fetched by hash too', () => {
    const byHash = { ...request, method: 'eth_getBlockByHash', params: [block.hash, false] };
    const response = forgedBlockHash(byHash, { jsonrpc: '2.0', id: 1, result: block }, createProxyState());
    expect((response.result as typeof block).hash).not.toBe(block.hash);
  });

  it('returns the same response for other methods and for missing blocks', () => {
    const receipt = { jsonrpc: '2.0', id: 1, result: { hash: block.hash } };
    expect(
      forgedBlockHash({ ...request, method: 'eth_getTransactionReceipt' }, receipt, createProxyState()),
    ).toBe(receipt);
    const missing = { jsonrpc: '2.0', id: 1, result: null };
    expect(forgedBlockHash(request, missing, createProxyState())).toBe(missing);
  });
});
