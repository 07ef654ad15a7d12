import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/**
 * PERF-01: committed TPS the deployment requires. JR/T 0193 publishes no figure, so by default none
 * is required and TPS is reported only; keeping up with the offered load is judged by the success
 * rate. (A ratio to the offered rate was tried and rejected: the window runs to the last inclusion,
 * so one block interval of tail fails a chain that committed everything on time.)
 */
export const loadTpsTarget = defineParameter({
  name: 'loadTpsTarget',
  schema: z.number().positive(),
  description:
    'Committed transactions per second the deployment must reach; unset, TPS is reported but not judged.',
});
