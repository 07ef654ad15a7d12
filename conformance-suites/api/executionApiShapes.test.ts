import { describe, expect, it } from 'vitest';
import { BlockWithHashes, checkReceipt, checkShape, checkTransaction } from './executionApiShapes.ts';

const h32 = `0x${'ab'.repeat(32)}`;
const addr = `0x${'11'.repeat(20)}`;
const block = {
  hash: h32,
  parentHash: h32,
  sha3Uncles: h32,
  miner: addr,
  stateRoot: h32,
  transactionsRoot: h32,
  receiptsRoot: h32,
  logsBloom: `0x${'00'.repeat(256)}`,
  number: '0x2',
  gasLimit: '0x1c9c380',
  gasUsed: '0x0',
  timestamp: '0x6b0d302a',
  extraData: '0x',
  mixHash: h32,
  nonce: '0x0000000000000000',
  size: '0x267',
  uncles: [],
  transactions: [h32],
  totalDifficulty: '0x0',
};
const tx = {
  type: '0x2',
  chainId: '0x7a69',
  nonce: '0x1',
  gas: '0x5208',
  maxFeePerGas: '0x1',
  maxPriorityFeePerGas: '0x1',
  gasPrice: '0x1',
  to: addr,
  value: '0x0',
  accessList: [],
  input: '0x',
  r: '0x1',
  s: '0x2',
  yParity: '0x0',
  hash: h32,
  blockHash: h32,
  blockNumber: '0x2',
  transactionIndex: '0x0',
  from: addr,
  blockTimestamp: '0x6b0d302a',
};

describe('execution-apis shapes', () => {
  it('accepts a conforming block with members the specification does not define', () => {
    expect(checkShape('b', BlockWithHashes, block)).toEqual([]);
  });

  it('names the member and value of a quantity with a leading zero or a short hash', () => {
    expect(
      checkShape('b', BlockWithHashes, { ...block, number: '0x02', hash: `0x${'ab'.repeat(31)}` }),
    ).toEqual([
      {
        at: 'b .hash',
        problem: 'expected a 32-byte hash (64 lower-case hex digits)',
        value: `"0x${'ab'.repeat(31)}"`,
      },
      { at: 'b .number', problem: expect.stringMatching(/^expected a uint quantity/), value: '"0x02"' },
    ]);
  });

  it('records yParity and blockTimestamp absences when v carries the parity, and fails them otherwise', () => {
    const { yParity: _, blockTimestamp: __, ...hardhatLike } = tx;
    const checked = checkTransaction('t', { ...hardhatLike, v: '0x1' });
    expect(checked.issues).toEqual([]);
    expect(checked.tolerated.map((t) => t.at)).toEqual(['t .blockTimestamp', 't .yParity']);
    expect(checkTransaction('t', { ...hardhatLike, v: '0x26' }).issues[0]?.at).toBe('t .yParity');
    expect(checkTransaction('t', { ...tx, maxFeePerGas: undefined }).issues[0]?.at).toBe('t .maxFeePerGas');
  });

  it('wants a receipt status', () => {
    const receipt = {
      transactionHash: h32,
      transactionIndex: '0x0',
      blockHash: h32,
      blockNumber: '0x2',
      from: addr,
      to: addr,
      cumulativeGasUsed: '0x5208',
      gasUsed: '0x5208',
      contractAddress: null,
      logs: [],
      logsBloom: `0x${'00'.repeat(256)}`,
      effectiveGasPrice: '0x1',
    };
    expect(checkReceipt('r', { ...receipt, status: '0x1' })).toEqual([]);
    expect(checkReceipt('r', receipt)).toEqual([
      { at: 'r .status', problem: 'a receipt carries status (or root before Byzantium)' },
    ]);
    expect(checkReceipt('r', { ...receipt, status: '0x01' })[0]?.at).toBe('r .status');
  });
});
