import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { apiChecks } from './api/index.ts';
import { contractChecks } from './contracts/index.ts';
import { cryptoChecks } from './crypto/index.ts';
import { ledgerChecks } from './ledger/index.ts';
import { networkChecks } from './network/index.ts';
import { transactionChecks } from './transactions/index.ts';

/**
 * Every conformance check, in run order: transactions and contracts first so the ledger checks
 * that follow sample blocks holding real transactions; interface, network and crypto last.
 */
export const conformanceChecks: readonly CheckDefinition[] = [
  ...transactionChecks,
  ...contractChecks,
  ...ledgerChecks,
  ...apiChecks,
  ...networkChecks,
  ...cryptoChecks,
];
