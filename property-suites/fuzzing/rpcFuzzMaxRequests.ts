import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/**
 * PROP-07: the burst's size. Bounded so a fuzz run is a handful of seconds of loopback traffic, never
 * load: shrinking a failure may send as many requests again, and then stops.
 */
export const rpcFuzzMaxRequests = defineParameter({
  name: 'rpcFuzzMaxRequests',
  schema: z.number().int().min(1).max(10_000),
  description:
    'How many malformed JSON-RPC requests PROP-07 generates (fast-check numRuns); shrinking a failure sends at most as many again.',
});
