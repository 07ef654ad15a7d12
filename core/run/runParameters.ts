import { z } from 'zod';
import { defineParameter } from '../checks/defineParameter.ts';

/**
 * The time budget of one check (issue "Runs that survive": deadlines, not idle timeouts): when it is
 * spent the check ends as `error: timed out after N s` and the run moves on. It must leave room for
 * the longest check the profile runs (a property suite's own budget, a load scenario's duration).
 */
export const checkTimeBudgetMs = defineParameter({
  name: 'checkTimeBudgetMs',
  schema: z.number().int().min(1_000).max(3_600_000),
  description: 'Wall-clock budget of one check (ms); a check that has not decided by then ends as an error.',
});

/** Parameters the run itself reads (not a check): every profile gives them a value. */
export const runParameters = [checkTimeBudgetMs] as const;
