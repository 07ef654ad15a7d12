import { describe, expect, it } from 'vitest';
import type { Log } from '#conformance/contracts/jsonRpcShapes.ts';
import { compareLogLists, orderProblems } from './compareLogLists.ts';

const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as const;
const log = (block: number, index: number, data = '0x01'): Log => ({
  address: `0x${'11'.repeat(20)}`,
  topics: [hash(9)],
  data: data as `0x${string}`,
  blockNumber: BigInt(block),
  blockHash: hash(block),
  transactionHash: hash(100 + block),
  transactionIndex: 0n,
  logIndex: BigInt(index),
  removed: false,
});

describe('compareLogLists', () => {
  it('finds nothing between a list and itself', () => {
    const logs = [log(1, 0), log(1, 1), log(2, 0)];
    expect(compareLogLists('q', logs, [...logs])).toEqual([]);
  });

  it('names missing, extra and changed logs', () => {
    const problems = compareLogLists('q', [log(1, 0), log(2, 0)], [log(1, 0, '0x02'), log(3, 0)]);
    expect(problems).toEqual([
      'q misses 1 of 2 log(s): block 2 logIndex 0 (tx 0x00000000…)',
      'q answers 1 log(s) it should not: block 3 logIndex 0 (tx 0x00000000…)',
      'q answers 1 log(s) with other fields than the receipts: block 1 logIndex 0 (tx 0x00000000…)',
    ]);
  });

  it('names duplicates and logs out of order', () => {
    expect(orderProblems([log(2, 0), log(1, 0), log(1, 0)])).toEqual([
      'block 1 logIndex 0 (tx 0x00000000…) is listed after block 2 logIndex 0 (tx 0x00000000…)',
      'block 1 logIndex 0 (tx 0x00000000…) is listed twice',
    ]);
  });
});
