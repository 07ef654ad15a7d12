import { isHex, keccak256 } from 'viem';
import { type JsonRpcRequest, type JsonRpcResponse, positionalParam } from '../JsonRpcMessage.ts';
import { rememberBounded } from '../ProxyState.ts';

/** How long after submission the chain takes to show a commit. */
export const commitDelayMs = 6_000;

/** When each transaction was submitted through this endpoint (or first asked about), by lower-case hash. */
export type SubmissionTimes = Map<string, number>;

/**
 * commit-delayed: a chain whose commit takes 6 s. eth_getTransactionReceipt answers null until 6 s
 * after the transaction was submitted through this endpoint (or, for one submitted elsewhere, first
 * asked about here). The chain itself is unchanged; only the visible commit is late (caught by
 * CON-10's latency bound). Records submissions as a side effect; `now` is the proxy's clock.
 */
export function commitDelayed(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  times: SubmissionTimes,
  now: number,
): JsonRpcResponse {
  const param = positionalParam(request, 0);
  if (typeof param !== 'string') return response;
  if (request.method === 'eth_sendRawTransaction') {
    if (isHex(param)) rememberBounded(times, keccak256(param), now);
    return response;
  }
  if (request.method !== 'eth_getTransactionReceipt') return response;
  const hash = param.toLowerCase();
  const since = times.get(hash);
  if (since === undefined) rememberBounded(times, hash, now);
  return now - (since ?? now) < commitDelayMs && response.result !== null
    ? { ...response, result: null }
    : response;
}
