import type { Hex } from 'viem';
import { forgeHash } from '../forgeHash.ts';
import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { rewriteTransactionObjects } from './rewriteTransactionObjects.ts';

/**
 * wrong-sender-reported: transaction objects name another sender than the key that signed them (an
 * indexer or node that fills `from` from the wrong account; JR/T 0184-2020 8.3/8.4, caught by TX-01).
 * `from` becomes the last 20 bytes of keccak256(real from), deterministic and never the real one.
 * Receipts are left alone, so lookups and receipts also disagree.
 */
export const wrongSenderReported: ResponseRewriter = (request, response) =>
  rewriteTransactionObjects(request, response, (tx) =>
    typeof tx.from === 'string' ? { ...tx, from: otherAddress(tx.from) } : tx,
  );

export function otherAddress(address: string): Hex {
  return `0x${forgeHash(address.toLowerCase()).slice(-40)}`;
}
