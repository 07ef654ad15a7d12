import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/**
 * Every command is a chain round trip, so shrinking a long history can take minutes. When the budget
 * runs out before any failure the verdict is inconclusive; during shrinking, the smallest failure
 * found so far is reported.
 */
export const propertyTimeBudgetMs = defineParameter({
  name: 'propertyTimeBudgetMs',
  schema: z.number().int().min(1_000).max(3_600_000),
  description: 'Wall-clock budget (ms) of one property suite, runs and shrinking together.',
});
