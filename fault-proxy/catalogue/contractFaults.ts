import type { FaultDefinition } from '../defineFault.ts';

/** Faults for the contract checks (append new ones at the end; never rename). */
export const contractFaults = [] as const satisfies readonly FaultDefinition[];
