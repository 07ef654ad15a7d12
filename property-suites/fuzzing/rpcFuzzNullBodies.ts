import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/**
 * PROP-07: whether the JSON value `null` is sent as a body and as a batch entry. Hardhat 2.29.1 and
 * ganache 7.9.2 exit on either (measured: the process ends with code 1), which PROP-07 reports as a
 * failure; the node is then gone for the rest of the run. A run that wants the other checks judged on
 * such a node sets it false, and the report records the override.
 */
export const rpcFuzzNullBodies = defineParameter({
  name: 'rpcFuzzNullBodies',
  schema: z.boolean(),
  description:
    'Send the JSON body null and batches holding null (true); false leaves them out, for a node known to exit on them that must stay up for the rest of the run.',
});
