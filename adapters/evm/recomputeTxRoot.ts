import { MerklePatriciaTrie } from '@ethereumjs/mpt';
import { bytesToHex, type Hex, hexToBytes, toRlp } from 'viem';
import type { BlockView, Recomputation } from '#core/adapter/ChainAdapter.ts';
import { serializeRpcTransaction } from './serializeRpcTransaction.ts';

/**
 * The transactions root rebuilt from the block's full transaction objects: a Merkle Patricia trie
 * keyed by RLP(index) holding each canonical encoding (yellow paper §4.3, EIP-2718). The empty
 * block gives the empty-trie root 0x56e8…b421.
 */
export async function recomputeTxRoot(block: BlockView): Promise<Recomputation> {
  const txs = block.raw.transactions;
  const trie = new MerklePatriciaTrie();
  if (Array.isArray(txs)) {
    for (const [index, tx] of txs.entries()) {
      if (typeof tx !== 'object' || tx === null) {
        return {
          kind: 'unavailable',
          reason: `the node returned only transaction hashes for block ${block.number}, so its root cannot be rebuilt`,
        };
      }
      const key = hexToBytes(toRlp(indexBytes(index)));
      let encoded: Hex;
      try {
        encoded = serializeRpcTransaction(tx as Record<string, unknown>);
      } catch (error) {
        return {
          kind: 'unavailable',
          reason: `transaction ${index} of block ${block.number} cannot be re-encoded (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
        };
      }
      await trie.put(key, hexToBytes(encoded));
    }
  }
  return { kind: 'computed', value: bytesToHex(trie.root()) };
}

/** RLP integer form of a trie index: minimal big-endian bytes, zero as the empty string. */
function indexBytes(index: number): Hex {
  if (index === 0) return '0x';
  const hex = index.toString(16);
  return `0x${hex.length % 2 === 0 ? hex : `0${hex}`}`;
}
