import { type JsonRpcRequest, type JsonRpcResponse, jsonRpcResult } from '../JsonRpcMessage.ts';

/**
 * filter-uninstall-ignored: eth_uninstallFilter is answered true without reaching the chain, so the
 * filter lives on and keeps delivering — a node that acknowledges the uninstall but never removes the
 * filter (a resource leak clients cannot see) (JR/T 0193-2020 6.5; caught by EV-03).
 */
export function filterUninstallIgnored(request: JsonRpcRequest): JsonRpcResponse | undefined {
  return request.method === 'eth_uninstallFilter' ? jsonRpcResult(request.id, true) : undefined;
}
