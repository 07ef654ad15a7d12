import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { createProxyState } from '../ProxyState.ts';
import { nodeDivergentStateRoot } from './nodeDivergentStateRoot.ts';

const stateRoot = `0x${'22'.repeat(32)}` as const;
const request = { id: 1, method: 'eth_getBlockByNumber', params: ['0x3', false] };

describe('nodeDivergentStateRoot', () => {
  it('reports another state root for blocks after genesis', () => {
    const response = nodeDivergentStateRoot(
      request,
      { id: 1, result: { number: '0x3', stateRoot } },
      createProxyState(),
    );
    expect(response.result).toEqual({ number: '0x3', stateRoot: keccak256(stateRoot) });
  });

  it('leaves genesis and other methods alone', () => {
    const genesis = { id: 1, result: { number: '0x0', stateRoot } };
    expect(nodeDivergentStateRoot(request, genesis, createProxyState())).toBe(genesis);
    const other = { id: 1, result: { number: '0x3', stateRoot } };
    expect(nodeDivergentStateRoot({ id: 1, method: 'eth_getProof' }, other, createProxyState())).toBe(other);
  });
});
