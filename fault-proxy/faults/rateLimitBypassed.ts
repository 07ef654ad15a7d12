import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultContext, JsonRpcReply } from '../defineFault.ts';
import type { UpstreamReply } from '../UpstreamClient.ts';

/** EIP-1474 "Limit exceeded": the JSON-RPC code rate limiters answer with. */
export const limitExceededCode = -32005;

/**
 * A token bucket: `burst` requests at once, refilled at `ratePerS`. The rate limiter of a gateway in
 * front of a node (JR/T 0184-2020 11.7/16.8, API-03), usable by a proxy option or a test gateway;
 * `now` is injected so the unit test needs no clock.
 */
export function createTokenBucket(ratePerS: number, burst: number, now: () => number = Date.now) {
  let tokens = burst;
  let last = now();
  return {
    /** Takes a token; false when the bucket is empty (the request is to be throttled). */
    take(): boolean {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1_000) * ratePerS);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/** What a rate limiter answers a throttled JSON-RPC request with: HTTP 429 and EIP-1474 -32005. */
export function throttledReply(id: unknown = null): JsonRpcReply {
  return {
    status: 429,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      error: { code: limitExceededCode, message: 'rate limit exceeded' },
    }),
  };
}

/** A throttling answer: HTTP 429 or 503, or a JSON-RPC error -32005. */
export function isThrottled(reply: UpstreamReply): boolean {
  if (reply.status === 429 || reply.status === 503) return true;
  try {
    const value = JSON.parse(reply.text) as { error?: { code?: unknown } };
    return value?.error?.code === limitExceededCode;
  } catch {
    return false;
  }
}

/** Tries per request before the throttling answer is passed on, and the wait between tries. */
export const bypassAttempts = 200;
export const bypassRetryDelayMs = 10;

/**
 * rate-limit-bypassed: a front gateway that retries every throttled answer of the rate-limited
 * backend (HTTP 429/503, JSON-RPC -32005) until it is served, and answers the client HTTP 200: a
 * flood meets no pushback and reaches the node in full (caught by API-03). Bounded: after
 * `bypassAttempts` tries the throttling answer goes through.
 */
export async function rateLimitBypassed(
  body: Buffer | undefined,
  { upstream }: FaultContext,
): Promise<JsonRpcReply | undefined> {
  if (body === undefined) return undefined;
  let reply = await upstream.forward(body);
  for (let attempt = 1; attempt < bypassAttempts && isThrottled(reply); attempt++) {
    await sleep(bypassRetryDelayMs);
    reply = await upstream.forward(body);
  }
  return { status: reply.status, body: reply.text };
}
