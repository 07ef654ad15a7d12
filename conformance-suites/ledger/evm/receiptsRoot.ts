import { MerklePatriciaTrie } from '@ethereumjs/mpt';
import { bytesToHex, concatHex, type Hex, hexToBytes, numberToHex, toRlp } from 'viem';
import type { LogView, ReceiptView } from './rpcShapes.ts';

/** Receipt envelope types whose payload the harness knows (EIP-2718: 1 = 2930, 2 = 1559, 3 = 4844, 4 = 7702). */
const knownTypes = new Set([0n, 1n, 2n, 3n, 4n]);

export type ReceiptEncoding =
  | { readonly kind: 'encoded'; readonly value: Hex }
  | { readonly kind: 'unknown-type'; readonly type: bigint };

export interface EncodeReceiptOptions {
  /**
   * Encode a failed status as the byte 0x00 instead of the empty string: not the consensus encoding,
   * but what ganache 7.9.2 commits to, so a check can say why a root does not rebuild. @default false
   */
  readonly failedStatusAsZeroByte?: boolean;
}

/** RLP integers are big-endian without leading zeros; zero is the empty string. */
export function rlpQuantity(n: bigint): Hex {
  return n === 0n ? '0x' : numberToHex(n);
}

/**
 * The consensus encoding of a receipt, the value its index maps to in the receipts trie (Yellow
 * Paper §4.3.1; EIP-658 status; EIP-2718 typed receipts): RLP([status or root, cumulativeGasUsed,
 * logsBloom, [[address, topics, data], …]]), prefixed with the type byte for typed transactions.
 * Status 1 encodes as 0x01 and 0 as the empty string.
 */
export function encodeReceipt(receipt: ReceiptView, options: EncodeReceiptOptions = {}): ReceiptEncoding {
  const type = receipt.type ?? 0n;
  if (!knownTypes.has(type)) return { kind: 'unknown-type', type };
  const failed: Hex = options.failedStatusAsZeroByte ? '0x00' : '0x';
  const outcome: Hex =
    receipt.status !== undefined ? (receipt.status === '0x1' ? '0x01' : failed) : (receipt.root as Hex);
  const payload = toRlp([
    outcome,
    rlpQuantity(receipt.cumulativeGasUsed),
    receipt.logsBloom,
    receipt.logs.map((log: LogView) => [log.address, [...log.topics], log.data]),
  ]);
  return {
    kind: 'encoded',
    value: type === 0n ? payload : concatHex([numberToHex(type, { size: 1 }), payload]),
  };
}

/** RLP of a trie index: minimal big-endian bytes, zero as the empty string. */
function indexKey(index: number): Uint8Array {
  return hexToBytes(toRlp(rlpQuantity(BigInt(index))));
}

/**
 * The receipts root rebuilt from a block's receipts in block order: a Merkle Patricia trie keyed by
 * RLP(index). No receipts give the empty-trie root 0x56e8…b421. A receipt of a type the harness does
 * not know cannot be encoded: the result says which.
 */
export async function recomputeReceiptsRoot(
  receipts: readonly ReceiptView[],
  options: EncodeReceiptOptions = {},
): Promise<{ kind: 'computed'; root: Hex } | { kind: 'unknown-type'; index: number; type: bigint }> {
  const trie = new MerklePatriciaTrie();
  for (const [index, receipt] of receipts.entries()) {
    const encoded = encodeReceipt(receipt, options);
    if (encoded.kind === 'unknown-type') return { kind: 'unknown-type', index, type: encoded.type };
    await trie.put(indexKey(index), hexToBytes(encoded.value));
  }
  return { kind: 'computed', root: bytesToHex(trie.root()) };
}
