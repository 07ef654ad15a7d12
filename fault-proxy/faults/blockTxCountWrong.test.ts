import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { blockTxCountWrong } from './blockTxCountWrong.ts';

describe('blockTxCountWrong', () => {
  it('counts one more transaction', () => {
    const request = { id: 1, method: 'eth_getBlockTransactionCountByHash', params: ['0xabc'] };
    expect(blockTxCountWrong(request, { id: 1, result: '0x1' }, createProxyState()).result).toBe('0x2');
  });

  it('leaves null (unknown block) and other methods alone', () => {
    const none = { id: 1, result: null };
    const request = { id: 1, method: 'eth_getBlockTransactionCountByNumber', params: ['0x99'] };
    expect(blockTxCountWrong(request, none, createProxyState())).toBe(none);
  });
});
