import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';

/** Every `wrongReadEvery`-th read answer is wrong. */
export const wrongReadEvery = 10;

/**
 * wrong-read-results: a node whose read path (a cache or a lagging replica behind a load balancer)
 * answers some queries wrongly under load: every 10th eth_call or eth_getBalance answer has its
 * last byte changed (eth_call) or is 1 higher (balance). Caught by the query load check (PERF-03,
 * JR/T 0193-2020 7.2): a read counts only when its answer is right.
 */
export function wrongReadResults(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  counter: { reads: number },
): JsonRpcResponse {
  if (request.method !== 'eth_call' && request.method !== 'eth_getBalance') return response;
  if (typeof response.result !== 'string' || !/^0x[0-9a-fA-F]*$/.test(response.result)) return response;
  counter.reads += 1;
  if (counter.reads % wrongReadEvery !== 0) return response;
  const result = response.result;
  if (request.method === 'eth_getBalance')
    return { ...response, result: `0x${(BigInt(result) + 1n).toString(16)}` };
  if (result.length < 4) return { ...response, result: '0x01' };
  const last = Number.parseInt(result.slice(-2), 16) ^ 0xff;
  return { ...response, result: `${result.slice(0, -2)}${last.toString(16).padStart(2, '0')}` };
}
