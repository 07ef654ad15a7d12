import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** SC-08: how many deployments the median is taken over. */
export const deploySamples = defineParameter({
  name: 'deploySamples',
  schema: z.number().int().min(1).max(50),
  description:
    'How many Probe deployments SC-08 times, one after another (1–50); the verdict uses their median.',
});
