import type { ResponseRewriter } from '../ResponseRewriter.ts';

/** The bloom of no logs. */
export const emptyBloom = `0x${'00'.repeat(256)}`;

function withEmptyBloom(receipt: unknown): unknown {
  if (typeof receipt !== 'object' || receipt === null) return receipt;
  const record = receipt as Record<string, unknown>;
  return Array.isArray(record.logs) && record.logs.length > 0
    ? { ...record, logsBloom: emptyBloom }
    : receipt;
}

/**
 * wrong-logs-bloom: receipts with logs carry an all-zero logsBloom, as a node that does not index its
 * logs would, so filters on the bloom miss them (eth_getTransactionReceipt and each receipt of
 * eth_getBlockReceipts; caught by LED-12).
 */
export const wrongLogsBloom: ResponseRewriter = (request, response) => {
  if (request.method === 'eth_getTransactionReceipt') {
    const rewritten = withEmptyBloom(response.result);
    return rewritten === response.result ? response : { ...response, result: rewritten };
  }
  if (request.method === 'eth_getBlockReceipts' && Array.isArray(response.result)) {
    const receipts: unknown[] = response.result;
    const rewritten = receipts.map(withEmptyBloom);
    return rewritten.every((r, i) => r === receipts[i]) ? response : { ...response, result: rewritten };
  }
  return response;
};
