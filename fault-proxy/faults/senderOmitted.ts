import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { rewriteTransactionObjects } from './rewriteTransactionObjects.ts';

/**
 * sender-omitted: transaction objects come without `from` (a node or gateway that strips or never
 * fills the sender; JR/T 0184-2020 13.5.1, caught by TX-08). Receipts keep theirs.
 */
export const senderOmitted: ResponseRewriter = (request, response) =>
  rewriteTransactionObjects(request, response, (tx) => {
    if (!('from' in tx)) return tx;
    const { from: _omitted, ...rest } = tx;
    return rest;
  });
