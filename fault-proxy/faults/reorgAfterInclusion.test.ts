import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { reorgAfterInclusion } from './reorgAfterInclusion.ts';

const h = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as const;
const block = (n: number) => ({
  number: `0x${n.toString(16)}`,
  hash: h(100 + n),
  parentHash: h(99 + n),
  transactions: [],
});
const byNumber = { id: 1, method: 'eth_getBlockByNumber', params: ['0x5', false] };

describe('reorgAfterInclusion', () => {
  it('serves a block 2 below the head with another hash, and its child with that parent', () => {
    expect(reorgAfterInclusion(byNumber, { id: 1, result: block(5) }, 7n).result).toEqual({
      ...block(5),
      hash: keccak256(h(105)),
      parentHash: keccak256(h(104)),
    });
    expect(reorgAfterInclusion(byNumber, { id: 1, result: block(6) }, 7n).result).toEqual({
      ...block(6),
      parentHash: keccak256(h(105)),
    });
  });

  it('leaves the head, the block under it, genesis and answers without a head alone', () => {
    for (const [n, head] of [
      [7, 7n],
      [0, 7n],
      [5, undefined],
    ] as const) {
      const response = { id: 1, result: block(n) };
      expect(reorgAfterInclusion(byNumber, response, head)).toBe(response);
    }
  });

  it('moves receipts of replaced blocks to the new hash, logs included', () => {
    const receipt = { blockNumber: '0x5', blockHash: h(105), logs: [{ blockHash: h(105) }] };
    const response = reorgAfterInclusion(
      { id: 1, method: 'eth_getTransactionReceipt' },
      { id: 1, result: receipt },
      9n,
    );
    expect(response.result).toEqual({
      blockNumber: '0x5',
      blockHash: keccak256(h(105)),
      logs: [{ blockHash: keccak256(h(105)) }],
    });
  });
});
