import { type Hex, isHex, padHex, sliceHex } from 'viem';
import { positionalParam } from '../JsonRpcMessage.ts';
import type { ProxyState } from '../ProxyState.ts';
import { rememberBounded } from '../ProxyState.ts';
import type { ResponseRewriter } from '../ResponseRewriter.ts';

/**
 * revert-leaks-state: a reverted call's write shows up in contract storage, as if the transaction were
 * not atomic (JR/T 0184-2020 12.5; caught by SC-01). eth_getStorageAt on the target of a reverted call
 * answers the last 32 bytes of that call's input — the argument a `set(x)`-then-revert probe wrote.
 */
export const revertLeaksState: ResponseRewriter = (request, response, state) => {
  if (request.method !== 'eth_getStorageAt' || response.error !== undefined) return response;
  const address = positionalParam(request, 0);
  if (typeof address !== 'string') return response;
  const input = state.revertedInputs.get(address.toLowerCase());
  return input === undefined ? response : { ...response, result: leakedWord(input) };
};

/** The last 32 bytes of `input`, left-padded when shorter: a storage word (Yellow Paper §4.1). */
export function leakedWord(input: Hex): Hex {
  const size = (input.length - 2) / 2;
  return size >= 32 ? sliceHex(input, size - 32) : padHex(input, { size: 32 });
}

/** Learns from a receipt passing through (or fetched): a reverted call we saw sent is remembered. */
export function learnFromReceipt(state: ProxyState, receipt: unknown): void {
  if (typeof receipt !== 'object' || receipt === null) return;
  const { transactionHash, status } = receipt as Record<string, unknown>;
  if (typeof transactionHash !== 'string' || !isHex(transactionHash)) return;
  const call = state.pendingCalls.get(transactionHash);
  if (call === undefined || (status !== '0x0' && status !== '0x1')) return;
  state.pendingCalls.delete(transactionHash);
  if (status === '0x0') rememberBounded(state.revertedInputs, call.to.toLowerCase(), call.input);
}

/** Receipt lookups per eth_getStorageAt at most, so one read never fans out into a flood upstream. */
const maxLookups = 16;

/**
 * Before answering eth_getStorageAt on `address`, asks the chain for the receipts of calls to it that
 * went through the proxy but whose receipt nobody fetched through it (the newest first).
 */
export async function resolvePendingCalls(
  state: ProxyState,
  address: string,
  getReceipt: (txHash: Hex) => Promise<unknown>,
): Promise<void> {
  const target = address.toLowerCase();
  const hashes = [...state.pendingCalls]
    .filter(([, call]) => call.to.toLowerCase() === target)
    .map(([hash]) => hash)
    .slice(-maxLookups);
  for (const hash of hashes) learnFromReceipt(state, await getReceipt(hash));
}
