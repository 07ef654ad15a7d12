import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { quantity } from './nodeDivergentStateRoot.ts';

/** How much larger the node says its blocks are. */
export const inflation = 64n;
const blockMethods = new Set(['eth_getBlockByNumber', 'eth_getBlockByHash']);

/**
 * block-size-inflated: blocks (eth_getBlockBy*) report a `size` 64 times their encoding, as a node
 * that pads what it stores or accounts its ledger wrongly would (caught by LED-09: the size is not
 * borne out by the encoding, and the growth per transaction exceeds the bound).
 */
export const blockSizeInflated: ResponseRewriter = (request, response) => {
  if (!blockMethods.has(request.method)) return response;
  const block = response.result;
  if (typeof block !== 'object' || block === null || !('size' in block)) return response;
  const record = block as Record<string, unknown>;
  return {
    ...response,
    result: { ...record, size: `0x${(quantity(record.size) * inflation).toString(16)}` },
  };
};
