import type { BlockView } from '#core/adapter/ChainAdapter.ts';
import type { HashMismatch } from './HashMismatch.ts';

/**
 * Every place where `block(n).parentHash != block(n-1).hash` among consecutive blocks, in block order
 * (JR/T 0184-2020 7.2, hash nesting). `expected` is the previous block's hash, `actual` the parentHash
 * the later block carries. Pairs whose numbers are not consecutive are not compared.
 */
export function findParentLinkBreaks(
  blocks: readonly Pick<BlockView, 'number' | 'hash' | 'parentHash'>[],
): HashMismatch[] {
  const sorted = [...blocks].sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  const breaks: HashMismatch[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const block = sorted[i]!;
    if (block.number !== previous.number + 1n) continue;
    if (block.parentHash.toLowerCase() !== previous.hash.toLowerCase()) {
      breaks.push({
        blockNumber: block.number.toString(),
        expected: previous.hash,
        actual: block.parentHash,
      });
    }
  }
  return breaks;
}
