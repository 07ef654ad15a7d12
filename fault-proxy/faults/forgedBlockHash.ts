import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { rewriteBlockField } from './rewriteBlockField.ts';

/** forged-block-hash: every block carries a hash its header does not encode to (caught by LED-02). */
export const forgedBlockHash: ResponseRewriter = (request, response) =>
  rewriteBlockField(request, response, 'hash', () => true);
