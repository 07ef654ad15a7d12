import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';

/** Methods whose result is one transaction object. */
const lookupMethods = new Set([
  'eth_getTransactionByHash',
  'eth_getTransactionByBlockHashAndIndex',
  'eth_getTransactionByBlockNumberAndIndex',
]);
const blockMethods = new Set(['eth_getBlockByNumber', 'eth_getBlockByHash']);

export type TransactionObject = Readonly<Record<string, unknown>>;

/**
 * Applies `change` to every transaction object in an answer: the result of the transaction lookups
 * and each full transaction of a hydrated block. `change` returns the object itself when it does not
 * apply; the response is returned unchanged (same reference) when no object changed.
 */
export function rewriteTransactionObjects(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  change: (tx: TransactionObject) => TransactionObject,
): JsonRpcResponse {
  const result = response.result;
  if (lookupMethods.has(request.method)) {
    if (!isObject(result)) return response;
    const changed = change(result);
    return changed === result ? response : { ...response, result: changed };
  }
  if (!blockMethods.has(request.method) || !isObject(result) || !Array.isArray(result.transactions))
    return response;
  let any = false;
  const transactions = result.transactions.map((tx: unknown) => {
    if (!isObject(tx)) return tx;
    const changed = change(tx);
    any ||= changed !== tx;
    return changed;
  });
  return any ? { ...response, result: { ...result, transactions } } : response;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
