import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { wrongReceiptsRoot } from './wrongReceiptsRoot.ts';

const receiptsRoot = `0x${'44'.repeat(32)}` as const;
const request = { id: 1, method: 'eth_getBlockByNumber', params: ['0x2', true] };

describe('wrongReceiptsRoot', () => {
  it('forges the receipts root of blocks with transactions', () => {
    const block = { number: '0x2', receiptsRoot, transactions: [`0x${'55'.repeat(32)}`] };
    expect(wrongReceiptsRoot(request, { id: 1, result: block }, createProxyState()).result).toEqual({
      ...block,
      receiptsRoot: keccak256(receiptsRoot),
    });
  });

  it('leaves empty blocks alone', () => {
    const empty = { id: 1, result: { number: '0x2', receiptsRoot, transactions: [] } };
    expect(wrongReceiptsRoot(request, empty, createProxyState())).toBe(empty);
  });
});
