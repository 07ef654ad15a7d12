import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** LED-07, CON-10: blocks on top of a transaction's block after which it counts as final. */
export const finalityDepth = defineParameter({
  name: 'finalityDepth',
  schema: z.number().int().min(1).max(64),
  description:
    "Blocks built on top of a transaction's block after which the chain must never replace it (1–64). On a chain " +
    'that does not produce them on its own in time, the check adds that many self-transfers.',
});
