/** Block numbers `from..to` (inclusive) that a ledger check reads. */
export interface LedgerSampleRange {
  readonly from: bigint;
  readonly to: bigint;
}

/**
 * The last `sampleBlocks` blocks up to and including `height`, clipped at genesis: a chain at height
 * 5 sampled with 32 yields 0..5. `null` when the chain holds fewer than `minBlocks` blocks (block 0
 * counts, so height h means h + 1 blocks).
 */
export function ledgerSampleRange(
  height: bigint,
  sampleBlocks: number,
  minBlocks: number,
): LedgerSampleRange | null {
  if (height + 1n < BigInt(minBlocks)) return null;
  const span = BigInt(Math.max(sampleBlocks, minBlocks));
  const from = height - span + 1n;
  return { from: from < 0n ? 0n : from, to: height };
}
