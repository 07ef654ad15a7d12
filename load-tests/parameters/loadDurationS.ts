import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const loadDurationS = defineParameter({
  name: 'loadDurationS',
  schema: z.number().positive().max(3_600),
  description: 'Seconds of constant-rate sending.',
});
