/** The chain id a transaction object binds itself to, read as a client would. */
export type TransactionChainId =
  | { readonly kind: 'bound'; readonly chainId: bigint; readonly from: 'chainId' | 'v' }
  /** A legacy transaction signed without EIP-155 (v 27/28): valid on any chain. */
  | { readonly kind: 'unprotected' }
  | { readonly kind: 'unreadable'; readonly reason: string };

const quantity = (value: unknown): bigint | undefined =>
  typeof value === 'string' && /^0x[0-9a-fA-F]+$/.test(value) ? BigInt(value) : undefined;

/**
 * Typed transactions (EIP-2718, type ≥ 1) carry `chainId`; legacy ones bind it through the signature
 * (EIP-155: v = chainId·2 + 35 or 36). A legacy object that also states `chainId` must agree with its v.
 */
export function chainIdOfTransaction(tx: Readonly<Record<string, unknown>>): TransactionChainId {
  const type = quantity(tx.type) ?? 0n;
  const stated = quantity(tx.chainId);
  if (type !== 0n) {
    return stated === undefined
      ? { kind: 'unreadable', reason: `type ${String(tx.type)} transaction without a chainId member` }
      : { kind: 'bound', chainId: stated, from: 'chainId' };
  }
  const v = quantity(tx.v);
  if (v === undefined)
    return { kind: 'unreadable', reason: `legacy transaction with v ${JSON.stringify(tx.v)}` };
  if (v === 27n || v === 28n) return { kind: 'unprotected' };
  if (v < 35n)
    return { kind: 'unreadable', reason: `legacy transaction with v ${v}, neither 27/28 nor EIP-155` };
  const fromV = (v - 35n) / 2n;
  if (stated !== undefined && stated !== fromV)
    return { kind: 'unreadable', reason: `chainId ${stated} contradicts v ${v} (EIP-155 chain ${fromV})` };
  return { kind: 'bound', chainId: fromV, from: 'v' };
}
