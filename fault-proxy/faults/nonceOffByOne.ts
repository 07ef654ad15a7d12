import type { ResponseRewriter } from '../ResponseRewriter.ts';

/**
 * nonce-off-by-one: eth_getTransactionCount answers one more than the chain's count, for every block
 * tag (a node that reports "next nonce + 1", or counts from 1). Clients that sign with the reported
 * pending count then leave a nonce gap, and their transactions never land (JR/T 0193-2020 6.9; caught
 * by TX-10, and every check whose transaction is then missing fails).
 */
export const nonceOffByOne: ResponseRewriter = (request, response) => {
  if (request.method !== 'eth_getTransactionCount') return response;
  const count = response.result;
  if (typeof count !== 'string' || !/^0x[0-9a-fA-F]+$/.test(count)) return response;
  return { ...response, result: `0x${(BigInt(count) + 1n).toString(16)}` };
};
