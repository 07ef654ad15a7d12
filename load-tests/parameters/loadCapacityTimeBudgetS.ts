import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const loadCapacityTimeBudgetS = defineParameter({
  name: 'loadCapacityTimeBudgetS',
  schema: z.number().positive().max(3_600),
  description: 'Wall time the whole capacity search may take; a step that would not fit is not started.',
});
