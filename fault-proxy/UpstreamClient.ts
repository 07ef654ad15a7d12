import { setTimeout as sleep } from 'node:timers/promises';

/** What the chain answered to a forwarded body, kept as text so unchanged answers pass through verbatim. */
export interface UpstreamReply {
  readonly status: number;
  readonly text: string;
}

export interface UpstreamClient {
  /** POSTs `body` unchanged to the chain. Rejects when the chain cannot be reached. */
  forward(body: Uint8Array | string): Promise<UpstreamReply>;
  /** One JSON-RPC call made by the proxy itself; the result, or undefined on any failure. */
  call(method: string, params: readonly unknown[]): Promise<unknown>;
}

const ownLookupBackoffMs = [20, 50, 100, 200, 400, 800] as const;

/** A rate limiter's answer: HTTP 429 or 503, or JSON-RPC -32005 (EIP-1474 "limit exceeded"). */
function isThrottledReply(reply: UpstreamReply): boolean {
  return (
    reply.status === 429 || reply.status === 503 || /"code"\s*:\s*-32005\b/.test(reply.text.slice(0, 2_048))
  );
}

/** Upper bound on one upstream exchange, so a stuck chain cannot hold a proxy request forever. */
const upstreamTimeoutMs = 30_000;

export function createUpstreamClient(url: string): UpstreamClient {
  const post = async (body: Uint8Array | string): Promise<UpstreamReply> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      // Timeout only: composing with a long-lived close signal (AbortSignal.any) per request would leave a
      // listener per request on it under load. close() cuts client connections; a late answer is dropped.
      signal: AbortSignal.timeout(upstreamTimeoutMs),
    });
    return { status: response.status, text: await response.text() };
  };
  return {
    forward: post,
    async call(method, params) {
      try {
        const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
        let reply = await post(body);
        // The proxy's own lookups back off when a rate limiter behind it throttles them; the
        // clients' requests (`forward`) are passed the throttling as it is.
        for (const waitMs of ownLookupBackoffMs) {
          if (!isThrottledReply(reply)) break;
          await sleep(waitMs);
          reply = await post(body);
        }
        const parsed: unknown = JSON.parse(reply.text);
        return typeof parsed === 'object' && parsed !== null
          ? (parsed as Record<string, unknown>).result
          : undefined;
      } catch {
        // The proxy's own lookups are best effort: without the fact, the fault simply does not apply.
        return undefined;
      }
    },
  };
}
