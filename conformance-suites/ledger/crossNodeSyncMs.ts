import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** LED-04, LED-07, LED-14: how long the other endpoints may take to hold what the first one holds. */
export const crossNodeSyncMs = defineParameter({
  name: 'crossNodeSyncMs',
  schema: z.number().int().min(0).max(600_000),
  description:
    'How long every other endpoint of the network may take to hold a block or transaction the first endpoint holds (ms). ' +
    'A node still behind after this time counts as inconsistent.',
});
