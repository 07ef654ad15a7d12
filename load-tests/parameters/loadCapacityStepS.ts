import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const loadCapacityStepS = defineParameter({
  name: 'loadCapacityStepS',
  schema: z.number().positive().max(600),
  description: 'Seconds of constant-rate sending in each step of the capacity search.',
});
