import { isHex, keccak256, parseTransaction } from 'viem';
import { limitExceededCode } from './faults/rejectedRawTx.ts';
import { learnFromReceipt } from './faults/revertLeaksState.ts';
import { type JsonRpcRequest, type JsonRpcResponse, positionalParam } from './JsonRpcMessage.ts';
import { type ProxyState, rememberBounded } from './ProxyState.ts';

/**
 * Records what stateful faults need from one exchange, whether or not they are active. `response` is
 * the chain's own answer (before any fault rewrote it), so the proxy never learns from its own lies.
 * Runs after the exchange's faults, so "already sent" means sent by an earlier request.
 */
export function observeExchange(
  state: ProxyState,
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  forwarded: boolean,
): void {
  if (request.method === 'eth_sendRawTransaction') {
    const raw = positionalParam(request, 0);
    if (typeof raw !== 'string' || !isHex(raw)) return;
    // Throttled on the way (a rate limiter's -32005): the chain never saw it, and the client's retry
    // of the same bytes is not a replay.
    if (response.error?.code === limitExceededCode) return;
    const hash = keccak256(raw);
    rememberBounded(state.sentRawTxHashes, hash);
    if (!forwarded) return;
    state.forwardedRawTxCount += 1;
    if (response.error === undefined) rememberContractCall(state, hash, raw);
  } else if (request.method === 'eth_getTransactionReceipt') {
    learnFromReceipt(state, response.result);
  } else if (request.method === 'eth_getBlockReceipts' && Array.isArray(response.result)) {
    for (const receipt of response.result) learnFromReceipt(state, receipt);
  }
}

/** Calls (a `to` and non-empty input) are remembered until their receipt shows whether they reverted. */
function rememberContractCall(state: ProxyState, hash: `0x${string}`, raw: `0x${string}`): void {
  let to: `0x${string}` | null | undefined;
  let input: `0x${string}` | undefined;
  try {
    ({ to, data: input } = parseTransaction(raw));
  } catch {
    return;
  }
  if (to && input && input !== '0x') rememberBounded(state.pendingCalls, hash, { to, input });
}
