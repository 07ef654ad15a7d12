import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { rewriteBlockField } from './rewriteBlockField.ts';

/**
 * wrong-receipts-root: blocks with transactions carry a receipts root their receipts do not rebuild
 * to (keccak256 of the real one; caught by LED-11). Empty blocks keep the empty-trie root.
 */
export const wrongReceiptsRoot: ResponseRewriter = (request, response) =>
  rewriteBlockField(
    request,
    response,
    'receiptsRoot',
    (block) => Array.isArray(block.transactions) && block.transactions.length > 0,
  );
