import { type JsonRpcRequest, type JsonRpcResponse, jsonRpcError } from '../JsonRpcMessage.ts';

/**
 * sync-status-unavailable: eth_syncing is answered -32601 "Method not found", as by a node or gateway
 * that does not expose its sync state, so operators cannot monitor ledger synchronisation (caught by
 * PERF-07).
 */
export function syncStatusUnavailable(request: JsonRpcRequest): JsonRpcResponse | undefined {
  return request.method === 'eth_syncing' ? jsonRpcError(request.id, -32601, 'Method not found') : undefined;
}
