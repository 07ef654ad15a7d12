import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { positionalParam } from '../JsonRpcMessage.ts';

/** How long new code stays invisible: above SC-08's default bound (deployLatencyMaxMs 5000). */
export const codeLagMs = 6_000;
/** Addresses remembered at most (oldest forgotten first). */
const rememberedAddresses = 10_000;

/** When the proxy first saw non-empty code at each address (lower-case), in ms since the epoch. */
export type FirstSeenCode = Map<string, number>;

/**
 * code-visible-late: eth_getCode answers "0x" for an address until 6 s after the proxy first saw the
 * chain answer non-empty code for it — a read replica serving the API 6 s behind the chain, so a
 * contract is unusable for seconds after its deployment was mined (JR/T 0193-2020 7.4; caught by SC-08).
 */
export function codeVisibleLate(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  firstSeen: FirstSeenCode,
  now: number,
): JsonRpcResponse {
  if (request.method !== 'eth_getCode') return response;
  const address = positionalParam(request, 0);
  const code = response.result;
  if (typeof address !== 'string' || typeof code !== 'string' || code === '0x' || !code.startsWith('0x')) {
    return response;
  }
  const key = address.toLowerCase();
  let seen = firstSeen.get(key);
  if (seen === undefined) {
    seen = now;
    firstSeen.set(key, seen);
    if (firstSeen.size > rememberedAddresses) {
      const oldest = firstSeen.keys().next();
      if (!oldest.done) firstSeen.delete(oldest.value);
    }
  }
  return now - seen < codeLagMs ? { ...response, result: '0x' } : response;
}
