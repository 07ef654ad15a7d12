import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { isFailedReceipt } from './lyingReceipts.ts';

/**
 * failed-receipt-dropped: a failed transaction leaves no receipt, as if it had never been recorded
 * (JR/T 0184-2020 10.7; caught by TX-05). eth_getTransactionReceipt answers null, the JSON-RPC answer
 * for an unknown transaction.
 */
export const failedReceiptDropped: ResponseRewriter = (request, response) =>
  request.method === 'eth_getTransactionReceipt' && isFailedReceipt(response.result)
    ? { ...response, result: null }
    : response;
