import type { JsonRpcResponse } from '../JsonRpcMessage.ts';
import type { ResponseRewriter } from '../ResponseRewriter.ts';

/**
 * lying-receipts: failed transactions are reported as successful (JR/T 0184-2020 10.7, 12.5; caught by
 * TX-05 and SC-01). Applies to eth_getTransactionReceipt and to each receipt of eth_getBlockReceipts.
 */
export const lyingReceipts: ResponseRewriter = (request, response) => {
  if (request.method === 'eth_getTransactionReceipt') {
    return isFailedReceipt(response.result)
      ? withResult(response, { ...response.result, status: '0x1' })
      : response;
  }
  if (request.method === 'eth_getBlockReceipts' && Array.isArray(response.result)) {
    const receipts: unknown[] = response.result;
    if (!receipts.some(isFailedReceipt)) return response;
    return withResult(
      response,
      receipts.map((receipt) => (isFailedReceipt(receipt) ? { ...receipt, status: '0x1' } : receipt)),
    );
  }
  return response;
};

/** A receipt object whose status is 0x0 (EIP-658). */
export function isFailedReceipt(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && (value as Record<string, unknown>).status === '0x0';
}

function withResult(response: JsonRpcResponse, result: unknown): JsonRpcResponse {
  return { ...response, result };
}
