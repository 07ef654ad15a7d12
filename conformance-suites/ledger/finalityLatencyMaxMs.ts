import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** CON-10: the bound on submission-to-finality time. */
export const finalityLatencyMaxMs = defineParameter({
  name: 'finalityLatencyMaxMs',
  schema: z.number().int().min(1).max(3_600_000),
  description:
    'Longest acceptable time (ms) from submitting a transaction to its block having finalityDepth blocks on top, on ' +
    'every endpoint.',
});
