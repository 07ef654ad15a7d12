import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const loadLatencyP95MaxMs = defineParameter({
  name: 'loadLatencyP95MaxMs',
  schema: z.number().positive(),
  description: 'Bound on the 95th percentile of latency from intended send to inclusion (ms).',
});
