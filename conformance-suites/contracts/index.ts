import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { contractRevertAtomic } from './contractRevertAtomic.ts';

/** Smart-contract conformance checks (JR/T 0184-2020 ch. 12). */
export const contractChecks: readonly CheckDefinition[] = [contractRevertAtomic];
