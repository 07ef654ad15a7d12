import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { brokenParentLink } from './brokenParentLink.ts';

const parentHash = `0x${'22'.repeat(32)}` as const;
const request = { id: 1, method: 'eth_getBlockByNumber', params: ['latest', false] };

describe('brokenParentLink', () => {
  it('forges the parentHash of blocks numbered 1 and above, nothing else', () => {
    const block = { number: '0x1', hash: `0x${'11'.repeat(32)}`, parentHash };
    const response = brokenParentLink(request, { id: 1, result: block }, createProxyState());
    expect(response.result).toEqual({ ...block, parentHash: keccak256(parentHash) });
  });

  it('leaves genesis alone', () => {
    const genesis = { id: 1, result: { number: '0x0', parentHash: `0x${'00'.repeat(32)}` } };
    expect(brokenParentLink(request, genesis, createProxyState())).toBe(genesis);
  });
});
