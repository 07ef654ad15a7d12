import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { rewriteBlockField } from './rewriteBlockField.ts';

/**
 * node-divergent-state-root: a node whose execution diverged from the network's reports, for every
 * block after genesis, a state root the other nodes do not have (keccak256 of the real one). Applied
 * to one endpoint only (caught by LED-04, which compares nodes).
 */
export const nodeDivergentStateRoot: ResponseRewriter = (request, response) =>
  rewriteBlockField(request, response, 'stateRoot', (block) => quantity(block.number) >= 1n);

/** A block field as a number, 0 when it is not a hex quantity. */
export function quantity(value: unknown): bigint {
  try {
    return typeof value === 'string' && value.startsWith('0x') ? BigInt(value) : 0n;
  } catch {
    return 0n;
  }
}
