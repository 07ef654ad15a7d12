import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** LED-01..03: how many of the most recent blocks are read and verified. */
export const ledgerSampleBlocks = defineParameter({
  name: 'ledgerSampleBlocks',
  schema: z.number().int().min(2).max(10_000),
  description: 'How many of the most recent blocks the ledger checks read and verify (2–10000).',
});
