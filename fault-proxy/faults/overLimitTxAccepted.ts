import { type Hex, keccak256, parseTransaction, recoverTransactionAddress } from 'viem';
import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { positionalParam } from '../JsonRpcMessage.ts';
import { rememberBounded } from '../ProxyState.ts';
import type { UpstreamClient } from '../UpstreamClient.ts';
import { fabricateReceipt } from './fabricateReceipt.ts';
import type { FabricatedReceipts } from './nonceGapMined.ts';
import { acknowledgeRawTx, rejectedRawTx } from './rejectedRawTx.ts';

/** The intrinsic gas of the cheapest transaction (Yellow Paper G_transaction). */
const intrinsicGas = 21_000n;

/**
 * over-limit-tx-accepted: a transaction the chain refuses because its gas limit is above the block
 * gas limit or below the intrinsic 21000 is acknowledged with its hash, and its receipt then reports
 * it included (successful, in the latest block): a node that does not enforce gas limits (JR/T
 * 0184-2020 12.4; caught by TX-12). Other refusals keep the chain's answer.
 */
export async function overLimitTxAccepted(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  upstream: UpstreamClient,
  fabricated: FabricatedReceipts,
): Promise<JsonRpcResponse> {
  if (request.method === 'eth_getTransactionReceipt') {
    const hash = positionalParam(request, 0);
    const known = typeof hash === 'string' ? fabricated.get(hash.toLowerCase()) : undefined;
    return known === undefined || response.result !== null ? response : { ...response, result: known };
  }
  const raw = rejectedRawTx(request, response);
  if (raw === undefined) return response;
  const fields = await outOfLimits(raw, upstream);
  if (fields === undefined) return response;
  const receipt = await fabricateReceipt(upstream, fields);
  if (receipt === undefined) return response;
  rememberBounded(fabricated, fields.hash, receipt);
  return acknowledgeRawTx(response, raw);
}

async function outOfLimits(raw: Hex, upstream: UpstreamClient) {
  let tx: ReturnType<typeof parseTransaction>;
  let from: string;
  try {
    tx = parseTransaction(raw);
    from = (await recoverTransactionAddress({ serializedTransaction: raw as never })).toLowerCase();
  } catch {
    return undefined;
  }
  if (tx.gas === undefined) return undefined;
  const head = await upstream.call('eth_getBlockByNumber', ['latest', false]);
  const gasLimit = (head as { gasLimit?: unknown } | undefined)?.gasLimit;
  if (typeof gasLimit !== 'string') return undefined;
  if (tx.gas <= BigInt(gasLimit) && tx.gas >= intrinsicGas) return undefined;
  const types: Record<string, string> = { eip2930: '0x1', eip1559: '0x2', eip4844: '0x3', eip7702: '0x4' };
  const type = types[tx.type ?? 'legacy'] ?? '0x0';
  return {
    hash: keccak256(raw),
    from,
    to: tx.to ? tx.to.toLowerCase() : null,
    gas: tx.gas,
    type,
    pricePerGas: tx.maxFeePerGas ?? tx.gasPrice ?? 0n,
  };
}
