import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** API-05: size of the oversized request (JR/T 0184-2020 11.7 names no figure). */
export const oversizedRequestBytes = defineParameter({
  name: 'oversizedRequestBytes',
  schema: z.number().int().min(1_048_576).max(67_108_864),
  description:
    'Size in bytes of the oversized JSON-RPC request API-05 sends (a multi-megabyte invalid address); the node must refuse it and keep answering.',
});
