import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** CON-01: the smallest validator set the network may run with. */
export const minValidators = defineParameter({
  name: 'minValidators',
  schema: z.number().int().min(1).max(10_000),
  description:
    'Fewest validators (consensus nodes) the network may have (JR/T 0184-2020 17.3.1.3). A BFT network of n nodes tolerates ⌊(n−1)/3⌋ faulty ones, so 4 = 3f + 1 tolerates one.',
});

/** CON-01: the validator set the operator registered, to compare with what the chain reports. */
export const registeredValidators = defineParameter({
  name: 'registeredValidators',
  schema: z.array(z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 20-byte 0x address')).max(10_000),
  description:
    "The validator identities in the operator's node registration records (JR/T 0184-2020 17.3.1.4), as 0x addresses. Empty: not supplied, so the set's membership cannot be judged.",
});

/** CON-02: how many recent blocks have their seals verified. */
export const sealSampleBlocks = defineParameter({
  name: 'sealSampleBlocks',
  schema: z.number().int().min(1).max(1_000),
  description: 'How many of the most recent blocks (genesis excluded) CON-02 verifies the seals of (1–1000).',
});

/** GOV-03: fewest identities that must hold the intervention right. */
export const minInterventionGovernors = defineParameter({
  name: 'minInterventionGovernors',
  schema: z.number().int().min(1).max(1_000),
  description:
    'Fewest distinct identities holding the governance (intervention) right: JR/T 0184-2020 17.3.2.4 requires the rights split across several users.',
});
