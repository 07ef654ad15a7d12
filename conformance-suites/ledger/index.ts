import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { ledgerHeaderHashRecomputes } from './ledgerHeaderHashRecomputes.ts';
import { ledgerParentHashLinks } from './ledgerParentHashLinks.ts';
import { ledgerTransactionsRootRecomputes } from './ledgerTransactionsRootRecomputes.ts';

/** Ledger integrity checks (JR/T 0184-2020 7.2, 10.1). */
export const ledgerChecks: readonly CheckDefinition[] = [
  ledgerParentHashLinks,
  ledgerHeaderHashRecomputes,
  ledgerTransactionsRootRecomputes,
];
