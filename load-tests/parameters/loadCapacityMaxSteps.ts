import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/**
 * Steps the capacity search may run (stepping up and bisecting together). The default run keeps it
 * small (two steps: the offered rate and twice it) so `chaineval evaluate` stays short; raise it
 * (e.g. 8) to find a chain's capacity. 0 turns the search off (its check is then not applicable).
 */
export const loadCapacityMaxSteps = defineParameter({
  name: 'loadCapacityMaxSteps',
  schema: z.number().int().min(0).max(16),
  description:
    'Steps the capacity search may run, from loadRateTps upwards (0 turns it off; 8 finds a capacity within ≈ 10%).',
});
