import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** NET-01: peers every node must be connected to. */
export const minPeers = defineParameter({
  name: 'minPeers',
  schema: z.number().int().min(0).max(1_000),
  description: 'How many peers (net_peerCount) every endpoint of the network must be connected to.',
});
