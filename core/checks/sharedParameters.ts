import { z } from 'zod';
import { defineParameter } from './defineParameter.ts';

/** How long a check waits for a transaction's outcome before it judges it missing. */
export const receiptTimeoutMs = defineParameter({
  name: 'receiptTimeoutMs',
  schema: z.number().int().min(100).max(600_000),
  description:
    'How long a check waits for a transaction to appear on the ledger (ms). A transaction the node accepted ' +
    'but did not record within this time counts as lost.',
});
