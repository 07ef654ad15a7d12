import type { FaultDefinition } from '../defineFault.ts';

/** Faults for the ledger checks (append new ones at the end; never rename). */
export const ledgerFaults = [] as const satisfies readonly FaultDefinition[];
