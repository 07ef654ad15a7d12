import { type JsonRpcRequest, type JsonRpcResponse, jsonRpcResult } from '../JsonRpcMessage.ts';

/**
 * peer-count-malformed: net_peerCount is answered with the JSON number 25 instead of a hex quantity
 * string ("0x19"), as some gateways and node wrappers do (caught by NET-01, which validates the answer).
 */
export function peerCountMalformed(request: JsonRpcRequest): JsonRpcResponse | undefined {
  return request.method === 'net_peerCount' ? jsonRpcResult(request.id, 25) : undefined;
}
