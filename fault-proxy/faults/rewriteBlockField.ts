import { forgeHash } from '../forgeHash.ts';
import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';

const blockMethods = new Set(['eth_getBlockByNumber', 'eth_getBlockByHash']);

/**
 * Replaces `field` of a block returned by eth_getBlockByNumber / eth_getBlockByHash with
 * keccak256(original) when `applies(block)` holds; every other field and every other answer is untouched.
 */
export function rewriteBlockField(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  field: string,
  applies: (block: Record<string, unknown>) => boolean,
): JsonRpcResponse {
  if (!blockMethods.has(request.method)) return response;
  const block = response.result;
  if (typeof block !== 'object' || block === null || Array.isArray(block)) return response;
  const record = block as Record<string, unknown>;
  if (!(field in record) || !applies(record)) return response;
  return { ...response, result: { ...record, [field]: forgeHash(record[field]) } };
}
