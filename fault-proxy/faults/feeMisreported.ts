import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { positionalParam } from '../JsonRpcMessage.ts';
import type { UpstreamClient } from '../UpstreamClient.ts';

/**
 * fee-misreported: receipts of fee-market transactions (those with maxFeePerGas: EIP-1559 and later)
 * report effectiveGasPrice = maxFeePerGas, the cap, instead of min(maxFeePerGas, baseFee + tip), as a
 * node that charges or reports the cap would (JR/T 0193-2020 6.9; caught by TX-11). Balances keep the
 * chain's answer, so the reported fee no longer accounts for what the sender paid.
 */
export async function feeMisreported(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  upstream: UpstreamClient,
): Promise<JsonRpcResponse> {
  if (request.method !== 'eth_getTransactionReceipt') return response;
  const receipt = response.result;
  if (typeof receipt !== 'object' || receipt === null) return response;
  const hash = positionalParam(request, 0);
  if (typeof hash !== 'string') return response;
  const tx = await upstream.call('eth_getTransactionByHash', [hash]);
  const cap =
    typeof tx === 'object' && tx !== null ? (tx as Record<string, unknown>).maxFeePerGas : undefined;
  if (typeof cap !== 'string' || cap === (receipt as Record<string, unknown>).effectiveGasPrice)
    return response;
  return { ...response, result: { ...receipt, effectiveGasPrice: cap } };
}
