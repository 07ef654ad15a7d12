import { describe, expect, it } from 'vitest';
import { encodeReceipt, recomputeReceiptsRoot } from './receiptsRoot.ts';
import { ReceiptShape } from './rpcShapes.ts';

const emptyTrieRoot = '0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421';

/** anvil 1.7.1's receipt of LedgerProbe.store(0xabcdef), block 2, recorded while building this check. */
const anvilReceipt = ReceiptShape.parse({
  type: '0x2',
  status: '0x1',
  cumulativeGasUsed: '0xad5f',
  logs: [
    {
      address: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
      topics: ['0xc6d8c0af6d21f291e7c359603aa97e0ed500f04db6e983b9fce75a91c6b8da6b'],
      data: '0x0000000000000000000000000000000000000000000000000000000000abcdef',
    },
  ],
  logsBloom:
    '0x00000000000000000000000000000000000000000000000000000000000000000004800000000000000000000000100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000040000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000000000000000000040000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000',
  transactionHash: '0x27b0b5631d9862abdb050a562fb01a8a8d0d3c1e617a1e87313a99475eae470b',
  transactionIndex: '0x0',
  blockHash: '0x5abeb853bcb6d2a74256a7dfd3bad2a569b9139eb3478899b9c2db414e85f850',
  blockNumber: '0x2',
  gasUsed: '0xad5f',
  from: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266',
  to: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
  contractAddress: null,
});
/** That block's receiptsRoot as anvil (and Hardhat 2.29.1, same receipt) reported it. */
const anvilReceiptsRoot = '0x0953c0299de1e004c75d81ecc97aea163636a228f9494cb2249aca8eacebcdbd';

describe('recomputeReceiptsRoot', () => {
  it('gives the empty-trie root without receipts', async () => {
    expect(await recomputeReceiptsRoot([])).toEqual({ kind: 'computed', root: emptyTrieRoot });
  });

  it("rebuilds a real node's root from a typed receipt with a log", async () => {
    expect(await recomputeReceiptsRoot([anvilReceipt])).toEqual({
      kind: 'computed',
      root: anvilReceiptsRoot,
    });
  });

  it('depends on the status, so a flipped status does not rebuild the same root', async () => {
    const failed = { ...anvilReceipt, status: '0x0' as const };
    const rebuilt = await recomputeReceiptsRoot([failed]);
    expect(rebuilt).not.toEqual({ kind: 'computed', root: anvilReceiptsRoot });
  });

  it('says which receipt has a type it cannot encode', async () => {
    const deposit = { ...anvilReceipt, type: 0x7en };
    expect(await recomputeReceiptsRoot([anvilReceipt, deposit])).toEqual({
      kind: 'unknown-type',
      index: 1,
      type: 0x7en,
    });
  });
});

describe('encodeReceipt', () => {
  it('prefixes typed receipts with their type and leaves legacy ones bare', () => {
    const typed = encodeReceipt(anvilReceipt);
    const legacy = encodeReceipt({ ...anvilReceipt, type: 0n });
    if (typed.kind !== 'encoded' || legacy.kind !== 'encoded') throw new Error('expected encodings');
    expect(typed.value.startsWith('0x02f9')).toBe(true);
    expect(legacy.value.startsWith('0xf9')).toBe(true);
    expect(typed.value.slice(4)).toBe(legacy.value.slice(2));
  });
});
