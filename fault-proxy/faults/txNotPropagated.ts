import { type JsonRpcRequest, type JsonRpcResponse, positionalParam } from '../JsonRpcMessage.ts';
import type { ProxyState } from '../ProxyState.ts';

const lookups = new Set(['eth_getTransactionReceipt', 'eth_getTransactionByHash']);

/**
 * tx-not-propagated: a node that never learns of transactions submitted to other nodes answers null
 * for their receipts and their lookup by hash; only transactions sent through this endpoint are
 * known. Applied to one endpoint only (caught by LED-14, which looks transactions up on every node).
 */
export function txNotPropagated(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  state: Readonly<ProxyState>,
): JsonRpcResponse {
  if (!lookups.has(request.method) || response.result === null || response.result === undefined)
    return response;
  const hash = positionalParam(request, 0);
  if (typeof hash !== 'string' || state.sentRawTxHashes.has(hash.toLowerCase() as `0x${string}`))
    return response;
  return { ...response, result: null };
}
