import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { rewriteBlockField } from './rewriteBlockField.ts';

/**
 * wrong-transactions-root: blocks with transactions carry a root their transactions do not rebuild to
 * (caught by LED-03). Empty blocks are left alone: their root is the well-known empty-trie root.
 */
export const wrongTransactionsRoot: ResponseRewriter = (request, response) =>
  rewriteBlockField(
    request,
    response,
    'transactionsRoot',
    (block) => Array.isArray(block.transactions) && block.transactions.length > 0,
  );
