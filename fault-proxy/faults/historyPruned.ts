import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { quantity } from './nodeDivergentStateRoot.ts';

/** Blocks within this distance of the head are kept. */
export const keptRecentBlocks = 8n;
const blockMethods = new Set(['eth_getBlockByNumber', 'eth_getBlockByHash']);

/**
 * history-pruned: a node that keeps only genesis and its most recent blocks answers null for every
 * block from 1 to head − 8 (eth_getBlockByNumber, eth_getBlockByHash), as a node with history
 * expiry or a truncated database would (caught by LED-05). `head` is the chain's current height.
 */
export function historyPruned(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  head: bigint | undefined,
): JsonRpcResponse {
  if (head === undefined || !blockMethods.has(request.method)) return response;
  const block = response.result;
  if (typeof block !== 'object' || block === null) return response;
  const n = quantity((block as Record<string, unknown>).number);
  return n >= 1n && n <= head - keptRecentBlocks ? { ...response, result: null } : response;
}
