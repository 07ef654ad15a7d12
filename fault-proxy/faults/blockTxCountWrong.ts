import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { quantity } from './nodeDivergentStateRoot.ts';

const countMethods = new Set(['eth_getBlockTransactionCountByNumber', 'eth_getBlockTransactionCountByHash']);

/**
 * block-tx-count-wrong: eth_getBlockTransactionCountByNumber / ByHash answer one more than the block
 * holds (a count kept apart from the block body and out of step with it; caught by LED-10).
 */
export const blockTxCountWrong: ResponseRewriter = (request, response) => {
  if (!countMethods.has(request.method) || typeof response.result !== 'string') return response;
  return { ...response, result: `0x${(quantity(response.result) + 1n).toString(16)}` };
};
