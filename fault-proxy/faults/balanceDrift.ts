import type { ResponseRewriter } from '../ResponseRewriter.ts';

/**
 * balance-drift: balances lose 1 wei per forwarded raw transaction, so they no longer follow the
 * transfer model (JR/T 0184-2020 10.1, JR/T 0193-2020 6.9; caught by PROP-01).
 */
export const balanceDrift: ResponseRewriter = (request, response, state) => {
  if (request.method !== 'eth_getBalance' || typeof response.result !== 'string') return response;
  if (state.forwardedRawTxCount === 0) return response;
  let balance: bigint;
  try {
    balance = BigInt(response.result);
  } catch {
    return response;
  }
  const drifted = balance - BigInt(state.forwardedRawTxCount);
  return { ...response, result: `0x${(drifted > 0n ? drifted : 0n).toString(16)}` };
};
