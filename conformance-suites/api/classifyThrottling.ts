import type { RpcOutcome } from '#core/adapter/ChainAdapter.ts';

/** EIP-1474 "Limit exceeded". */
const limitExceeded = -32005;
/** Words rate limiters put in JSON-RPC errors when they use another code. */
const throttleMessage = /rate.?limit|too many requests|limit exceeded|throttl|request limit/i;

export type BurstAnswer = 'served' | 'throttled' | 'other';

/**
 * How one answer of API-03's burst counts: throttled when HTTP 429 (RFC 6585), HTTP 503 (nginx
 * limit_req's default status), JSON-RPC -32005 (EIP-1474) or an error saying so; served for a result.
 */
export function classifyThrottling(outcome: RpcOutcome): { kind: BurstAnswer; how: string } {
  if (outcome.httpStatus === 429 || outcome.httpStatus === 503)
    return { kind: 'throttled', how: `HTTP ${outcome.httpStatus}` };
  if (outcome.kind === 'result') return { kind: 'served', how: 'result' };
  if (outcome.kind === 'error') {
    const { code, message } = outcome.error;
    if (code === limitExceeded || throttleMessage.test(message))
      return { kind: 'throttled', how: `error ${code}` };
    return { kind: 'other', how: `error ${code} "${message.slice(0, 60)}"` };
  }
  return { kind: 'other', how: `HTTP ${outcome.httpStatus}` };
}

/** Words an endpoint uses when it refuses an unauthenticated caller (no standard JSON-RPC code). */
export const authRefusalMessage =
  /unauthori[sz]ed|not authori[sz]ed|forbidden|permission denied|access denied|authentication|api key|token/i;
