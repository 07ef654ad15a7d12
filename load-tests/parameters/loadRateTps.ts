import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const loadRateTps = defineParameter({
  name: 'loadRateTps',
  schema: z.number().positive().max(100_000),
  description: 'Offered load: transactions per second sent at a constant arrival rate (open model).',
});
