import { type JsonRpcRequest, type JsonRpcResponse, jsonRpcError } from '../JsonRpcMessage.ts';

/**
 * client-version-missing: web3_clientVersion is answered -32601 "Method not found", as gateways that
 * hide the node software answer: the endpoint no longer tells which implementation it runs (caught
 * by GOV-05, which cannot count it as an implementation).
 */
export function clientVersionMissing(request: JsonRpcRequest): JsonRpcResponse | undefined {
  return request.method === 'web3_clientVersion'
    ? jsonRpcError(request.id, -32601, 'the method web3_clientVersion does not exist/is not available')
    : undefined;
}
