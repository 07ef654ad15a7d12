import type { JsonRpcRequest } from '../JsonRpcMessage.ts';
import { quantity } from './nodeDivergentStateRoot.ts';

const indexMethods = new Set([
  'eth_getTransactionByBlockNumberAndIndex',
  'eth_getTransactionByBlockHashAndIndex',
]);

/**
 * tx-by-index-off-by-one: eth_getTransactionByBlockNumberAndIndex / ByBlockHashAndIndex look up index
 * i + 1 when asked for i (an indexing bug), so they answer the next transaction of the block, or null
 * for the last one (caught by LED-10, which compares them with the block's list). A request rewrite:
 * the chain answers the changed question.
 */
export function txByIndexOffByOne(request: JsonRpcRequest): JsonRpcRequest {
  if (!indexMethods.has(request.method) || !Array.isArray(request.params)) return request;
  const [block, index, ...rest] = request.params as unknown[];
  if (typeof index !== 'string') return request;
  return { ...request, params: [block, `0x${(quantity(index) + 1n).toString(16)}`, ...rest] };
}
