import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/**
 * PROP-07: the largest request body it sends. Oversized bodies are API-05's business (megabytes,
 * one at a time); the fuzzer stays at or below 64 KiB so a burst never measures a body limit.
 */
export const rpcFuzzMaxBodyBytes = defineParameter({
  name: 'rpcFuzzMaxBodyBytes',
  schema: z.number().int().min(1_024).max(65_536),
  description:
    'Largest HTTP body (bytes) of one malformed request PROP-07 sends; its oversize strings are cut to fit.',
});
