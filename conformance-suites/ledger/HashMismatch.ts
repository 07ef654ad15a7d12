import type { Hex } from '#core/adapter/ChainAdapter.ts';

/** One block whose hash-like field is not what it should be: the unit of ledger-check evidence. */
export interface HashMismatch {
  /** Decimal, so the evidence stays JSON (bigint is not). */
  readonly blockNumber: string;
  readonly expected: Hex;
  readonly actual: Hex;
}

/**
 * How many mismatches a verdict lists. The count is always reported; the list is bounded so one
 * rewritten chain of 10 000 blocks does not produce a 10 000-row report.
 */
export const maxListedMismatches = 10;

/** Evidence fields shared by the ledger checks: the total and the first few mismatches. */
export function mismatchEvidence(mismatches: readonly HashMismatch[]): {
  mismatchCount: number;
  firstMismatches: HashMismatch[];
} {
  return { mismatchCount: mismatches.length, firstMismatches: mismatches.slice(0, maxListedMismatches) };
}
