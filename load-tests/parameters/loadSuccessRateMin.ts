import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const loadSuccessRateMin = defineParameter({
  name: 'loadSuccessRateMin',
  schema: z.number().min(0).max(1),
  description: 'Share of sent transactions that must be committed (0–1; CAICT stress test: 0.95).',
});
