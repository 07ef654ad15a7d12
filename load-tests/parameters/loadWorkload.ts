import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

export const loadWorkload = defineParameter({
  name: 'loadWorkload',
  schema: z.enum(['transfer', 'contract-write']),
  description:
    'What each load transaction does: "transfer" (a native transfer) or "contract-write" (a storage write in a deployed contract, Probe.set: the shape of Caliper\'s `simple` open/transfer); judged only when its receipt says it succeeded.',
});
