import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** LED-08: how far a block's timestamp may be from the harness clock around its transaction. */
export const maxClockSkewMs = defineParameter({
  name: 'maxClockSkewMs',
  schema: z.number().int().min(0).max(86_400_000),
  description:
    "How far (ms) the timestamp of the block holding the check's own transaction may lie outside the harness clock's " +
    'interval from submitting it to seeing its receipt.',
});
