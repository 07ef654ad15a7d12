import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { isFailedReceipt } from './lyingReceipts.ts';

/**
 * gas-used-understated: receipts of failed (status 0x0) transactions report half their real gasUsed,
 * the other fields unchanged — a node that bills an out-of-gas halt only for part of the gas it burnt,
 * so an endless contract costs its sender less than its limit (JR/T 0184-2020 12.4, 12.9; caught by
 * SC-03, which expects an out-of-gas call to consume its whole gas limit).
 */
export function gasUsedUnderstated(request: JsonRpcRequest, response: JsonRpcResponse): JsonRpcResponse {
  if (request.method !== 'eth_getTransactionReceipt' || !isFailedReceipt(response.result)) return response;
  const gasUsed = response.result.gasUsed;
  if (typeof gasUsed !== 'string' || !/^0x[0-9a-fA-F]+$/.test(gasUsed)) return response;
  return { ...response, result: { ...response.result, gasUsed: `0x${(BigInt(gasUsed) / 2n).toString(16)}` } };
}
