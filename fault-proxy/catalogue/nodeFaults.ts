import type { FaultDefinition } from '../defineFault.ts';

/** Faults for the node checks (append new ones at the end; never rename). */
export const nodeFaults = [] as const satisfies readonly FaultDefinition[];
