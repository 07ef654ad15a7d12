import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** SC-08: the bound on the median deployment time (JR/T 0193-2020 7.4 publishes no figure). */
export const deployLatencyMaxMs = defineParameter({
  name: 'deployLatencyMaxMs',
  schema: z.number().int().min(1).max(600_000),
  description:
    'Largest acceptable median time (ms) from submitting a contract deployment to its code being readable with ' +
    'eth_getCode on every endpoint. A deployment not visible within this time counts as slower than it.',
});
