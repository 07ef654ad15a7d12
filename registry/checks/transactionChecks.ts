import type { AnyCheck } from '#core/checks/defineCheck.ts';

/** The transaction checks added for the full profile (issue 7), in the order reports list them. */
export const transactionChecks: readonly AnyCheck[] = [];
