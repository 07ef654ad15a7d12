import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';

/** Methods whose lenient default is a zero quantity, empty bytes or an empty list; others get null. */
const zeroQuantity = new Set([
  'eth_getBalance',
  'eth_getTransactionCount',
  'eth_estimateGas',
  'eth_blockNumber',
]);
const emptyBytes = new Set(['eth_call', 'eth_getStorageAt', 'eth_getCode']);
const emptyList = new Set(['eth_getLogs']);

/** What a node that swallows parameter errors answers instead. */
export function lenientDefault(method: string): unknown {
  if (zeroQuantity.has(method)) return '0x0';
  if (emptyBytes.has(method)) return '0x';
  if (emptyList.has(method)) return [];
  return null;
}

/**
 * lenient-params: every -32602 "Invalid params" error is replaced by a default result (0x0 for
 * balances and counts, 0x for code, storage and calls, [] for logs, null for lookups), as nodes that
 * parse unreadable input as zero or "not found" answer (ganache 7.9.2 does this for many inputs).
 * Caught by API-06.
 */
export function lenientParams(request: JsonRpcRequest, response: JsonRpcResponse): JsonRpcResponse {
  if (response.error?.code !== -32602) return response;
  const { error: _, ...rest } = response;
  return { ...rest, result: lenientDefault(request.method) };
}
