import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const queryRateRps = defineParameter({
  name: 'queryRateRps',
  schema: z.number().positive().max(100_000),
  description: 'Offered read load: queries per second (eth_call and balance reads, open model).',
});
