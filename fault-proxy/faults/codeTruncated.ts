import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';

/**
 * code-truncated: non-empty eth_getCode answers lose their last byte — an off-by-one in the node's
 * code store read, so what the API says runs at an address is not what was deployed (JR/T 0184-2020
 * 12.2; caught by SC-09, which compares the code with the Probe artifact byte for byte).
 */
export function codeTruncated(request: JsonRpcRequest, response: JsonRpcResponse): JsonRpcResponse {
  if (request.method !== 'eth_getCode') return response;
  const code = response.result;
  if (typeof code !== 'string' || !/^0x(?:[0-9a-fA-F]{2})+$/.test(code)) return response;
  return { ...response, result: code.slice(0, -2) };
}
