import type { Hex } from 'viem';

/** A contract call that went through the proxy and whose receipt has not been seen yet. */
export interface PendingCall {
  readonly to: Hex;
  readonly input: Hex;
}

/**
 * What one proxy instance remembers about the traffic it has seen. The proxy observes all traffic
 * whether or not a fault is active, so a fault switched on later with `setFaults` still knows the past.
 * Every collection is bounded (oldest entries forgotten first) so a long load run cannot grow it.
 */
export interface ProxyState {
  /** keccak256 of every raw transaction sent through the proxy (replay-accepted, tampered-tx-accepted). */
  readonly sentRawTxHashes: Set<Hex>;
  /** Raw transactions actually forwarded upstream (balance-drift). */
  forwardedRawTxCount: number;
  /** eth_sendRawTransaction requests seen while drop-transactions was active. */
  submissionsWhileDropping: number;
  /** Contract calls by transaction hash, until their receipt is seen (revert-leaks-state). */
  readonly pendingCalls: Map<Hex, PendingCall>;
  /** Lower-case contract address → input of the last reverted call to it (revert-leaks-state). */
  readonly revertedInputs: Map<string, Hex>;
  /** The chain's own eth_chainId, fetched once when first needed (wrong-chain-id-accepted). */
  upstreamChainId: number | undefined;
}

/** Upper bound on each remembered collection. */
export const proxyStateLimit = 100_000;

export function createProxyState(): ProxyState {
  return {
    sentRawTxHashes: new Set(),
    forwardedRawTxCount: 0,
    submissionsWhileDropping: 0,
    pendingCalls: new Map(),
    revertedInputs: new Map(),
    upstreamChainId: undefined,
  };
}

/** Adds `key` to a bounded set or map, forgetting the oldest entry (insertion order) when full. */
export function rememberBounded<K, V>(collection: Set<K> | Map<K, V>, key: K, value?: V): void {
  if (collection instanceof Map) {
    collection.delete(key);
    collection.set(key, value as V);
  } else {
    collection.add(key);
  }
  if (collection.size > proxyStateLimit) {
    const oldest = collection.keys().next();
    if (!oldest.done) collection.delete(oldest.value);
  }
}
