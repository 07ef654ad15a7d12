import type { BlockView, LedgerApi } from '#core/adapter/ChainAdapter.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import { ledgerSampleRange } from './ledgerSampleRange.ts';

/** The sampled blocks in ascending order, or the verdict to return when there is nothing to sample. */
export type LedgerSample =
  | { readonly ok: true; readonly height: bigint; readonly blocks: readonly BlockView[] }
  | { readonly ok: false; readonly outcome: CheckOutcome };

export interface ReadLedgerSampleOptions {
  /** `params.ledgerSampleBlocks`. */
  readonly sampleBlocks: number;
  /** Fewer blocks than this on the chain is a `skip` (precondition). */
  readonly minBlocks: number;
}

/** Blocks fetched at once: enough to hide loopback latency, few enough not to load a remote node. */
const readConcurrency = 8;

/**
 * Reads the last `sampleBlocks` blocks up to the head the node reports. A block the node does not
 * return although it lies at or below the reported head makes the sample inconclusive (`error`):
 * the node may be pruned or behind a load balancer, and a missing answer is not evidence that the
 * ledger itself is broken.
 */
export async function readLedgerSample(
  ledger: LedgerApi,
  options: ReadLedgerSampleOptions,
): Promise<LedgerSample> {
  const height = await ledger.getHeight();
  const range = ledgerSampleRange(height, options.sampleBlocks, options.minBlocks);
  if (range === null) {
    return {
      ok: false,
      outcome: {
        status: 'skip',
        skipReason: 'precondition',
        summary: `the chain holds ${height + 1n} block(s) (head ${height}); at least ${options.minBlocks} are needed`,
        evidence: { height: height.toString(), minBlocks: options.minBlocks },
      },
    };
  }
  const numbers: bigint[] = [];
  for (let n = range.from; n <= range.to; n++) numbers.push(n);
  const blocks: BlockView[] = [];
  for (let i = 0; i < numbers.length; i += readConcurrency) {
    const batch = numbers.slice(i, i + readConcurrency);
    const read = await Promise.all(batch.map((n) => ledger.getBlock(n)));
    for (const [j, block] of read.entries()) {
      if (block === null) {
        const missing = batch[j]!;
        return {
          ok: false,
          outcome: {
            status: 'error',
            summary: `the node reports head ${height} but returned no block ${missing}; the sample cannot be verified`,
            evidence: { height: height.toString(), missingBlock: missing.toString() },
          },
        };
      }
      blocks.push(block);
    }
  }
  return { ok: true, height, blocks };
}
