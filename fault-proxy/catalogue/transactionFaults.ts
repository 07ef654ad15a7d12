import type { FaultDefinition } from '../defineFault.ts';

/** Faults for the transaction checks (append new ones at the end; never rename). */
export const transactionFaults = [] as const satisfies readonly FaultDefinition[];
