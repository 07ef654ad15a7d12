import { isHex, keccak256 } from 'viem';
import {
  type JsonRpcRequest,
  type JsonRpcResponse,
  jsonRpcResult,
  positionalParam,
} from '../JsonRpcMessage.ts';
import type { ProxyState } from '../ProxyState.ts';

/** Every `dropEvery`-th submission is lost. */
export const dropEvery = 10;

/**
 * drop-transactions: every 10th eth_sendRawTransaction (counted while the fault is active) is
 * acknowledged with its hash but never reaches the chain, so it is never committed (JR/T 0193-2020 7.1;
 * caught by PERF-01, which counts committed, not acknowledged, transactions).
 */
export function dropTransactions(request: JsonRpcRequest, state: ProxyState): JsonRpcResponse | undefined {
  if (request.method !== 'eth_sendRawTransaction') return undefined;
  const raw = positionalParam(request, 0);
  if (typeof raw !== 'string' || !isHex(raw)) return undefined;
  state.submissionsWhileDropping += 1;
  if (state.submissionsWhileDropping % dropEvery !== 0) return undefined;
  return jsonRpcResult(request.id, keccak256(raw));
}
