import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { quantity } from './nodeDivergentStateRoot.ts';

/** A plain transfer's gas, added to every non-empty block's gasUsed. */
export const extraGas = 21_000n;
const blockMethods = new Set(['eth_getBlockByNumber', 'eth_getBlockByHash']);

/**
 * gas-used-misreported: blocks with transactions report gasUsed 21000 above what their receipts add up
 * to, as a node that counts a transaction's gas twice would (caught by LED-13).
 */
export const gasUsedMisreported: ResponseRewriter = (request, response) => {
  if (!blockMethods.has(request.method)) return response;
  const block = response.result;
  if (typeof block !== 'object' || block === null) return response;
  const record = block as Record<string, unknown>;
  if (!Array.isArray(record.transactions) || record.transactions.length === 0 || !('gasUsed' in record))
    return response;
  return {
    ...response,
    result: { ...record, gasUsed: `0x${(quantity(record.gasUsed) + extraGas).toString(16)}` },
  };
};
