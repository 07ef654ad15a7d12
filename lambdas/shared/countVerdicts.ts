import type { CheckResult, CheckStatus } from '#core/checks/CheckResultSchema.ts';

export type VerdictCounts = Record<CheckStatus, number>;

/** The small reference a suite step returns instead of its results (those are in the store). */
export function countVerdicts(results: readonly Pick<CheckResult, 'status'>[]): VerdictCounts {
  const counts: VerdictCounts = { pass: 0, fail: 0, error: 0, skip: 0 };
  for (const { status } of results) counts[status] += 1;
  return counts;
}
