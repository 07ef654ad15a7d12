import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** TX-01, TX-06, TX-08, TX-09: how far back the sample of block transactions reaches. */
export const txSampleBlocks = defineParameter({
  name: 'txSampleBlocks',
  schema: z.number().int().min(1).max(10_000),
  description:
    'How many of the most recent blocks the transaction checks read (newest first) for their sample of ' +
    'block transactions (1–10000).',
});

/** TX-01, TX-06, TX-08, TX-09: how many block transactions the sample holds at most. */
export const txSampleSize = defineParameter({
  name: 'txSampleSize',
  schema: z.number().int().min(1).max(10_000),
  description:
    'How many transactions, at most, the transaction checks verify from recent blocks besides their own ' +
    '(1–10000); reading stops at this many or after txSampleBlocks blocks.',
});
