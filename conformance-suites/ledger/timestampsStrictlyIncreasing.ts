import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** LED-08: whether equal timestamps of consecutive blocks are a failure. */
export const timestampsStrictlyIncreasing = defineParameter({
  name: 'timestampsStrictlyIncreasing',
  schema: z.boolean(),
  description:
    "true: every block's timestamp must exceed its parent's (the chain's consensus rules require it, e.g. Ethereum's " +
    'H_s > P(H)_s); false: equal timestamps are recorded but only a decrease fails.',
});
