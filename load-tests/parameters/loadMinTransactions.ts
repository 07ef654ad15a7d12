import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/**
 * The fewest transactions a load run must send before it gets a performance verdict: a run of one
 * transaction says nothing about throughput, and below 20 samples a p95 is simply the maximum.
 */
export const loadMinTransactions = defineParameter({
  name: 'loadMinTransactions',
  schema: z.number().int().min(1).max(10_000_000),
  description:
    'Fewest transactions a load run must send to get a performance verdict (fewer is inconclusive).',
});
