import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { wrongTransactionsRoot } from './wrongTransactionsRoot.ts';

const transactionsRoot = `0x${'33'.repeat(32)}` as const;
const request = { id: 7, method: 'eth_getBlockByHash', params: [`0x${'11'.repeat(32)}`, true] };

describe('wrongTransactionsRoot', () => {
  it('forges the root of blocks with transactions', () => {
    const block = { number: '0x2', transactionsRoot, transactions: [`0x${'44'.repeat(32)}`] };
    const response = wrongTransactionsRoot(request, { id: 7, result: block }, createProxyState());
    expect(response.result).toEqual({ ...block, transactionsRoot: keccak256(transactionsRoot) });
  });

  it('leaves empty blocks alone', () => {
    const empty = { id: 7, result: { number: '0x2', transactionsRoot, transactions: [] } };
    expect(wrongTransactionsRoot(request, empty, createProxyState())).toBe(empty);
  });
});
