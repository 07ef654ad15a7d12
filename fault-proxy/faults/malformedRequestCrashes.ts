import { setTimeout as sleep } from 'node:timers/promises';
import type { JsonRpcReply } from '../defineFault.ts';
import { htmlErrorPage } from './malformedRequestHtml500.ts';

/** How long the node stays unresponsive after a malformed body. */
export const crashOutageMs = 3_000;

export const unavailablePage: JsonRpcReply = {
  status: 503,
  body: '<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The node is restarting.</p></body></html>',
};

/** What the fault remembers: until when the node is "down". */
export interface CrashMemory {
  downUntilMs: number;
}

const isRequest = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { method?: unknown }).method === 'string';

/**
 * Whether `body` reads as a JSON-RPC request or a non-empty batch of them (method a string). What a
 * node that crashes on malformed input tells apart; parameters are not looked at.
 */
export function isRequestBody(body: Buffer | undefined): boolean {
  if (body === undefined) return false;
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return false;
  }
  return Array.isArray(value) ? value.length > 0 && value.every(isRequest) : isRequest(value);
}

/**
 * malformed-request-crashes: a node whose request handler crashes on input it does not expect and is
 * restarted by a supervisor. A body that is no JSON-RPC request (not JSON, a bare value, an empty
 * batch, an object without a string method, a batch holding one) is answered HTTP 500 with an HTML
 * page, and for the next 3 s every request waits until the outage ends and then gets an HTML 503.
 * Well-formed requests outside an outage go on to the chain (caught by PROP-07).
 */
export async function malformedRequestCrashes(
  body: Buffer | undefined,
  memory: CrashMemory,
  nowMs: () => number = Date.now,
): Promise<JsonRpcReply | undefined> {
  const waitMs = memory.downUntilMs - nowMs();
  if (waitMs > 0) {
    await sleep(waitMs);
    return unavailablePage;
  }
  if (isRequestBody(body)) return undefined;
  memory.downUntilMs = nowMs() + crashOutageMs;
  return htmlErrorPage;
}
