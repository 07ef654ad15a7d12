import {
  formatTransaction,
  type Hex,
  type RpcTransaction,
  serializeTransaction,
  type TransactionSerializable,
} from 'viem';

/**
 * The canonical encoding of a transaction as the node returned it (EIP-2718 typed envelope, or RLP
 * for legacy), i.e. the value stored under its index in the transactions trie. Built with viem's
 * formatter and serializer so every transaction type viem knows is covered.
 */
export function serializeRpcTransaction(rpcTx: Record<string, unknown>): Hex {
  const tx = formatTransaction(rpcTx as unknown as RpcTransaction) as {
    type: string;
    r: Hex;
    s: Hex;
    v?: bigint;
    yParity?: number;
    input: Hex;
  };
  const signature =
    tx.type === 'legacy'
      ? { r: tx.r, s: tx.s, v: tx.v ?? 27n }
      : { r: tx.r, s: tx.s, yParity: tx.yParity ?? (tx.v === 28n || tx.v === 1n ? 1 : 0) };
  // A legacy transaction without EIP-155 protection carries no chain id in its signed payload.
  const serializable = { ...tx, data: tx.input } as unknown as TransactionSerializable;
  if (tx.type === 'legacy' && (tx.v === 27n || tx.v === 28n))
    delete (serializable as { chainId?: number }).chainId;
  return serializeTransaction(serializable, signature);
}
