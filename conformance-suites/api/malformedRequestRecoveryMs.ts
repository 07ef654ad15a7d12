import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** API-05: how soon a normal request must be answered after each malformed one. */
export const malformedRequestRecoveryMs = defineParameter({
  name: 'malformedRequestRecoveryMs',
  schema: z.number().int().min(100).max(120_000),
  description:
    'Longest time (ms) a normal eth_chainId may take right after each malformed or oversized request API-05 sends; slower means the probe degraded the node.',
});
