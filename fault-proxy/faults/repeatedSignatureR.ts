import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { rememberBounded } from '../ProxyState.ts';
import { rewriteTransactionObjects } from './rewriteTransactionObjects.ts';

/** Per sender (lower-case), the first transaction seen and its r. */
export type FirstSignatures = Map<string, { readonly hash: string; readonly r: string }>;

/**
 * repeated-signature-r: every transaction of a sender after the first one the proxy sees is reported
 * with that first transaction's r, as if the signer reused its ECDSA nonce k (a broken random number
 * generator; JR/T 0184-2020 8.6, caught by TX-06). The proxy cannot sign, so the signatures it reports
 * no longer verify (TX-01 fails too); on a real defect they would verify and leak the key.
 */
export function repeatedSignatureR(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  first: FirstSignatures,
): JsonRpcResponse {
  return rewriteTransactionObjects(request, response, (tx) => {
    const { from, hash, r } = tx;
    if (typeof from !== 'string' || typeof hash !== 'string' || typeof r !== 'string') return tx;
    const sender = from.toLowerCase();
    const seen = first.get(sender);
    if (seen === undefined) {
      rememberBounded(first, sender, { hash: hash.toLowerCase(), r });
      return tx;
    }
    return seen.hash === hash.toLowerCase() || seen.r === r ? tx : { ...tx, r: seen.r };
  });
}

export const newFirstSignatures = (): FirstSignatures => new Map();
