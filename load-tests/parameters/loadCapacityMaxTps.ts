import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const loadCapacityMaxTps = defineParameter({
  name: 'loadCapacityMaxTps',
  schema: z.number().positive().max(100_000),
  description: 'Highest rate the capacity search offers; reaching it ends the search ("capacity ≥ this").',
});
