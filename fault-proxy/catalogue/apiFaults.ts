import type { FaultDefinition } from '../defineFault.ts';

/** Faults for the api checks (append new ones at the end; never rename). */
export const apiFaults = [] as const satisfies readonly FaultDefinition[];
