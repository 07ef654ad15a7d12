import type { JsonRpcRequest, JsonRpcResponse } from './JsonRpcMessage.ts';
import type { ProxyState } from './ProxyState.ts';

/**
 * A response-rewriting fault: a pure function of the request, the chain's answer and what the proxy
 * has seen so far. Returns `response` itself (same reference) when it does not apply, so the proxy
 * can pass the chain's bytes through untouched.
 */
export type ResponseRewriter = (
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  state: Readonly<ProxyState>,
) => JsonRpcResponse;
