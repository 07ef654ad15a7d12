import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const loadDrainS = defineParameter({
  name: 'loadDrainS',
  schema: z.number().positive().max(600),
  description: 'Seconds after the last send the run waits for stragglers before counting them lost.',
});
