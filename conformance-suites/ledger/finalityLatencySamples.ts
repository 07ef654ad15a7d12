import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** CON-10: how many transactions are timed. */
export const finalityLatencySamples = defineParameter({
  name: 'finalityLatencySamples',
  schema: z.number().int().min(1).max(100),
  description: 'How many self-transfers CON-10 sends and times from submission to finality (1–100).',
});
