import { z } from 'zod';
import { defineParameter } from '#core/checks/defineParameter.ts';

/** API-03: the deployment's policy says the RPC interface throttles bursts. */
export const requireRateLimit = defineParameter({
  name: 'requireRateLimit',
  schema: z.boolean(),
  description:
    'Whether the RPC interface must throttle a burst of requests (HTTP 429/503 or JSON-RPC -32005); false waives the requirement.',
});

/** API-03: the deployment's policy says the RPC interface serves only authenticated callers. */
export const requireAuth = defineParameter({
  name: 'requireAuth',
  schema: z.boolean(),
  description:
    'Whether the RPC interface must refuse a call that carries none of the credentials in the target URL (HTTP 401/403/404 or an authorisation error).',
});

/** API-03: size of the burst. */
export const rateLimitBurstRequests = defineParameter({
  name: 'rateLimitBurstRequests',
  schema: z.number().int().min(10).max(2_000),
  description: 'Requests API-03 sends in one burst (eth_chainId, 20 in flight at a time) to see throttling.',
});

/** API-03: how long throttling may last after the burst. */
export const rateLimitRecoveryMs = defineParameter({
  name: 'rateLimitRecoveryMs',
  schema: z.number().int().min(100).max(300_000),
  description:
    'Longest time (ms) after the burst until a normal call is served again; longer locks legitimate clients out.',
});
