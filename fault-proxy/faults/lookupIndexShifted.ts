import type { ResponseRewriter } from '../ResponseRewriter.ts';

/**
 * lookup-index-shifted: eth_getTransactionByHash reports transactionIndex one higher than the block
 * holds it (an indexer counting from 1; JR/T 0184-2020 10.1, caught by TX-09). Blocks, receipts and
 * the by-index lookups keep the chain's answer.
 */
export const lookupIndexShifted: ResponseRewriter = (request, response) => {
  if (request.method !== 'eth_getTransactionByHash') return response;
  const tx = response.result;
  if (typeof tx !== 'object' || tx === null) return response;
  const index = (tx as Record<string, unknown>).transactionIndex;
  if (typeof index !== 'string' || !/^0x[0-9a-fA-F]+$/.test(index)) return response;
  return { ...response, result: { ...tx, transactionIndex: `0x${(BigInt(index) + 1n).toString(16)}` } };
};
