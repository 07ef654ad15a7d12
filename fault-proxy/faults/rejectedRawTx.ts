import { type Hex, isHex, keccak256, parseTransaction } from 'viem';
import {
  type JsonRpcRequest,
  type JsonRpcResponse,
  jsonRpcResult,
  positionalParam,
} from '../JsonRpcMessage.ts';

/** The raw transaction of an eth_sendRawTransaction the chain answered with an error, else undefined. */
export function rejectedRawTx(request: JsonRpcRequest, response: JsonRpcResponse): Hex | undefined {
  if (request.method !== 'eth_sendRawTransaction' || response.error === undefined) return undefined;
  const raw = positionalParam(request, 0);
  return typeof raw === 'string' && isHex(raw) ? raw : undefined;
}

/** The answer an accepting node gives: the transaction hash, keccak256 of the signed bytes (EIP-2718). */
export function acknowledgeRawTx(response: JsonRpcResponse, raw: Hex): JsonRpcResponse {
  return jsonRpcResult(response.id, keccak256(raw));
}

/** The EIP-155 / EIP-2718 chain id a raw transaction is signed for; undefined when absent or unparseable. */
export function readRawTxChainId(raw: Hex): number | undefined {
  try {
    return parseTransaction(raw).chainId;
  } catch {
    return undefined;
  }
}
