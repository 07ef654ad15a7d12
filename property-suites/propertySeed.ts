import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const propertySeed = defineParameter({
  name: 'propertySeed',
  schema: z.number().int(),
  description:
    'A fixed fast-check seed, to replay a recorded run; unset, each run draws a fresh one and records it.',
});
