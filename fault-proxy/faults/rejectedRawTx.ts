import { type Hex, isHex, keccak256, parseTransaction } from 'viem';
import {
  type JsonRpcRequest,
  type JsonRpcResponse,
  jsonRpcResult,
  positionalParam,
} from '../JsonRpcMessage.ts';

/** EIP-1474 "limit exceeded": a rate limiter's answer, not the chain's (the chain never saw the request). */
export const limitExceededCode = -32005;

/**
 * The raw transaction of an eth_sendRawTransaction the chain answered with an error, else undefined.
 * A rate limiter's -32005 is no rejection by the chain: the client sends the same bytes again, and
 * acknowledging the throttled attempt would make that retry look like a replay to the faults.
 */
export function rejectedRawTx(request: JsonRpcRequest, response: JsonRpcResponse): Hex | undefined {
  if (request.method !== 'eth_sendRawTransaction' || response.error === undefined) return undefined;
  if (response.error.code === limitExceededCode) return undefined;
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
