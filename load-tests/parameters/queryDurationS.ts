import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const queryDurationS = defineParameter({
  name: 'queryDurationS',
  schema: z.number().positive().max(3_600),
  description: 'Seconds of constant-rate querying.',
});
