import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const loadCapacityGrowth = defineParameter({
  name: 'loadCapacityGrowth',
  schema: z.number().min(1.1).max(10),
  description: 'Factor between consecutive rates of the capacity search while every step holds.',
});
