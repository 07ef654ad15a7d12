import { type JsonRpcRequest, type JsonRpcResponse, jsonRpcError } from './JsonRpcMessage.ts';

/** The namespace of a JSON-RPC method: what precedes the first `_` (`eth_call` → `eth`). */
export function methodNamespace(method: string): string {
  const cut = method.indexOf('_');
  return cut === -1 ? method : method.slice(0, cut);
}

/**
 * An RPC gateway's allow-list (the usual way to hide debug_/admin_/anvil_ from the public, JR/T
 * 0184-2020 16.8): a method outside the allowed namespaces, or one the gateway denies by name (node
 * signing such as eth_sign, eth_sendTransaction), is answered -32601 "Method not found" (JSON-RPC 2.0
 * §5.1) without reaching the chain. No list means everything passes.
 */
export function rejectDisallowedNamespace(
  request: JsonRpcRequest,
  allowedNamespaces: readonly string[] | undefined,
  deniedMethods: readonly string[] = [],
): JsonRpcResponse | undefined {
  const allowed =
    (allowedNamespaces === undefined || allowedNamespaces.includes(methodNamespace(request.method))) &&
    !deniedMethods.includes(request.method);
  return allowed ? undefined : jsonRpcError(request.id, -32601, 'Method not found');
}
