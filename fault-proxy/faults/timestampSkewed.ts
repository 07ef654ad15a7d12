import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { quantity } from './nodeDivergentStateRoot.ts';

/** How far ahead the skewed clock runs. */
export const skewSeconds = 3_600n;
const blockMethods = new Set(['eth_getBlockByNumber', 'eth_getBlockByHash']);

/**
 * timestamp-skewed: a node whose clock runs an hour ahead stamps every block (eth_getBlockBy*)
 * 3600 s later than the chain's own timestamp; the order of blocks is kept (caught by LED-08's skew
 * bound).
 */
export const timestampSkewed: ResponseRewriter = (request, response) => {
  if (!blockMethods.has(request.method)) return response;
  const block = response.result;
  if (typeof block !== 'object' || block === null || !('timestamp' in block)) return response;
  const record = block as Record<string, unknown>;
  return {
    ...response,
    result: { ...record, timestamp: `0x${(quantity(record.timestamp) + skewSeconds).toString(16)}` },
  };
};
