import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { positionalParam } from '../JsonRpcMessage.ts';
import { rememberBounded } from '../ProxyState.ts';
import type { UpstreamClient } from '../UpstreamClient.ts';
import { fabricateReceipt } from './fabricateReceipt.ts';

/** Receipts already fabricated, by transaction hash, so repeated reads agree. */
export type FabricatedReceipts = Map<string, Record<string, unknown>>;

/**
 * nonce-gap-mined: a transaction the chain holds back because its sender has a nonce gap is reported
 * as mined: eth_getTransactionReceipt of a pending transaction whose nonce is above its sender's
 * latest count answers a successful receipt in the latest block (a node that includes transactions
 * out of nonce order; JR/T 0193-2020 6.9, caught by TX-07).
 */
export async function nonceGapMined(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  upstream: UpstreamClient,
  fabricated: FabricatedReceipts,
): Promise<JsonRpcResponse> {
  if (request.method !== 'eth_getTransactionReceipt' || response.result !== null) return response;
  const hash = positionalParam(request, 0);
  if (typeof hash !== 'string') return response;
  const known = fabricated.get(hash.toLowerCase());
  if (known !== undefined) return { ...response, result: known };
  const tx = await upstream.call('eth_getTransactionByHash', [hash]);
  if (typeof tx !== 'object' || tx === null) return response;
  const { from, to, nonce, gas, type, blockNumber, gasPrice, maxFeePerGas } = tx as Record<string, unknown>;
  if (
    blockNumber !== null ||
    typeof from !== 'string' ||
    typeof nonce !== 'string' ||
    typeof gas !== 'string'
  )
    return response;
  const count = await upstream.call('eth_getTransactionCount', [from, 'latest']);
  if (typeof count !== 'string' || BigInt(nonce) <= BigInt(count)) return response;
  const price =
    typeof maxFeePerGas === 'string' ? maxFeePerGas : typeof gasPrice === 'string' ? gasPrice : '0x0';
  const receipt = await fabricateReceipt(upstream, {
    hash: hash.toLowerCase(),
    from: from.toLowerCase(),
    to: typeof to === 'string' ? to.toLowerCase() : null,
    gas: BigInt(gas),
    type: typeof type === 'string' ? type : '0x0',
    pricePerGas: BigInt(price),
  });
  if (receipt === undefined) return response;
  rememberBounded(fabricated, hash.toLowerCase(), receipt);
  return { ...response, result: receipt };
}

export const newFabricatedReceipts = (): FabricatedReceipts => new Map();
