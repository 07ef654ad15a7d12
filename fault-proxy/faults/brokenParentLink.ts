import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { rewriteBlockField } from './rewriteBlockField.ts';

/**
 * broken-parent-link: blocks after genesis name a parent that does not exist (caught by LED-01).
 * Genesis is left alone: its parentHash is zero by convention and no check links it.
 */
export const brokenParentLink: ResponseRewriter = (request, response) =>
  rewriteBlockField(request, response, 'parentHash', (block) => blockNumber(block) >= 1n);

function blockNumber(block: Record<string, unknown>): bigint {
  try {
    return typeof block.number === 'string' ? BigInt(block.number) : 0n;
  } catch {
    return 0n;
  }
}
