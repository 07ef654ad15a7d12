import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { LedgerActivity } from './ledgerActivityFixture.ts';

/** The verdict a check gives when the ledger activity could not be made, with what the check needed it for. */
export function activityOutcome(
  activity: Extract<LedgerActivity, { ok: false }>,
  neededFor: string,
): CheckOutcome {
  return { ...activity.outcome, summary: `${activity.outcome.summary} (needed for ${neededFor})` };
}
