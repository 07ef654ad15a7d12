import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { cryptoDeclaredSuite } from './cryptoDeclaredSuite.ts';

/** Cryptographic algorithm checks (JR/T 0184-2020 8.1). */
export const cryptoChecks: readonly CheckDefinition[] = [cryptoDeclaredSuite];
