import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/**
 * PROP-07: whether the bodies known to stop an implementation with one request are sent (first, so the
 * verdict does not depend on the seed) and may be generated: `null` (Hardhat 2.29.1 and ganache 7.9.2
 * exit) and eth_feeHistory with a block count of 2^64 (anvil 1.7.1 panics). See knownCrashers.ts. The
 * profile requires true (JR/T 0184-2020 11.7); false keeps such a node up and waives the clause.
 */
export const rpcFuzzKnownCrashers = defineParameter({
  name: 'rpcFuzzKnownCrashers',
  schema: z.boolean(),
  description:
    'Send the bodies known to stop an implementation (the JSON body null; eth_feeHistory with a block count of 2^64) first, and let the generator produce their kind (true); false leaves them out, for a node known to stop on them (waives JR/T 0184-2020 11.7).',
});
