import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const queryLatencyP95MaxMs = defineParameter({
  name: 'queryLatencyP95MaxMs',
  schema: z.number().positive(),
  description: 'Bound on the 95th percentile of query latency, from intended send to a correct answer (ms).',
});
