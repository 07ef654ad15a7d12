import type { AnyCheck } from '#core/checks/defineCheck.ts';

/** The ledger checks added for the full profile (issue 7), in the order reports list them. */
export const ledgerChecks: readonly AnyCheck[] = [];
