import { describe, expect, it } from 'vitest';
import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { findParentLinkBreaks } from './findParentLinkBreaks.ts';

const h = (n: number): Hex => `0x${n.toString(16).padStart(64, '0')}`;

/** A well-linked chain n..m: block k has hash h(k) and parent h(k-1). */
function chain(from: number, to: number) {
  const blocks = [];
  for (let k = from; k <= to; k++)
    blocks.push({ number: BigInt(k), hash: h(k + 1000), parentHash: h(k + 999) });
  return blocks;
}

describe('findParentLinkBreaks', () => {
  it('finds no break in a well-linked chain', () => {
    expect(findParentLinkBreaks(chain(0, 9))).toEqual([]);
  });

  it('reports the block whose parentHash differs, with the expected previous hash', () => {
    const blocks = chain(0, 5);
    blocks[3] = { ...blocks[3]!, parentHash: h(7) };
    expect(findParentLinkBreaks(blocks)).toEqual([{ blockNumber: '3', expected: h(1002), actual: h(7) }]);
  });

  it('reports a forged hash as a break at the next block', () => {
    const blocks = chain(10, 13);
    blocks[1] = { ...blocks[1]!, hash: h(42) };
    expect(findParentLinkBreaks(blocks)).toEqual([{ blockNumber: '12', expected: h(42), actual: h(1011) }]);
  });

  it('lists every break in block order whatever the input order', () => {
    const blocks = chain(0, 4).map((b) => (b.number >= 1n ? { ...b, parentHash: h(99) } : b));
    const breaks = findParentLinkBreaks([...blocks].reverse());
    expect(breaks.map((b) => b.blockNumber)).toEqual(['1', '2', '3', '4']);
  });

  it('compares hex case-insensitively (EIP-55 style casing is not a break)', () => {
    const blocks = chain(0, 1);
    blocks[0] = { ...blocks[0]!, hash: '0xABCD' };
    blocks[1] = { ...blocks[1]!, parentHash: '0xabcd' };
    expect(findParentLinkBreaks(blocks)).toEqual([]);
  });

  it('does not compare across a gap in block numbers', () => {
    expect(findParentLinkBreaks([...chain(0, 1), ...chain(5, 6)])).toEqual([]);
  });
});
