import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const propertyNumRuns = defineParameter({
  name: 'propertyNumRuns',
  schema: z.number().int().min(1).max(1_000),
  description: 'How many random histories each property suite runs (fast-check numRuns).',
});
