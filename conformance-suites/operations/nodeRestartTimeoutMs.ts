import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** OPS-03, CON-03: how long a node may take to answer again after it was (re)started. */
export const nodeRestartTimeoutMs = defineParameter({
  name: 'nodeRestartTimeoutMs',
  schema: z.number().int().min(1_000).max(1_800_000),
  description:
    'Longest time (ms) a restarted node may take to answer JSON-RPC again; a node still silent after it has not recovered.',
});
