import { type Hex, hexToBigInt, keccak256, numberToHex, toRlp } from 'viem';
import type { BlockView, Recomputation } from '#core/adapter/ChainAdapter.ts';

/**
 * Header fields in yellow-paper order, each fork appending its own (London: baseFeePerGas,
 * Shanghai: withdrawalsRoot, Cancun: blob gas + parentBeaconBlockRoot, Prague: requestsHash).
 * A field is encoded when the node returned it, which selects the fork without a fork table.
 */
const headerFields = [
  ['parentHash', 'bytes'],
  ['sha3Uncles', 'bytes'],
  ['miner', 'bytes'],
  ['stateRoot', 'bytes'],
  ['transactionsRoot', 'bytes'],
  ['receiptsRoot', 'bytes'],
  ['logsBloom', 'bytes'],
  ['difficulty', 'quantity'],
  ['number', 'quantity'],
  ['gasLimit', 'quantity'],
  ['gasUsed', 'quantity'],
  ['timestamp', 'quantity'],
  ['extraData', 'bytes'],
  ['mixHash', 'bytes'],
  ['nonce', 'bytes'],
  ['baseFeePerGas', 'quantity'],
  ['withdrawalsRoot', 'bytes'],
  ['blobGasUsed', 'quantity'],
  ['excessBlobGas', 'quantity'],
  ['parentBeaconBlockRoot', 'bytes'],
  ['requestsHash', 'bytes'],
] as const;

const firstOptional = 'baseFeePerGas';

/**
 * hash(RLP(header)): the block hash recomputed from the fields the node returned, with the hash
 * function of the suite the chain declares (keccak256 for Ethereum; SM3 on 国密 chains). A header
 * missing a pre-London field cannot be encoded: `unavailable`, which checks report as inconclusive.
 */
export function recomputeBlockHash(block: BlockView, hash: (bytes: Hex) => Hex = keccak256): Recomputation {
  const items: Hex[] = [];
  let optional = false;
  for (const [name, kind] of headerFields) {
    if (name === firstOptional) optional = true;
    const value = block.raw[name];
    if (typeof value !== 'string' || !value.startsWith('0x')) {
      // Post-London fields are present as a prefix run; the first absent one ends the header.
      if (optional) break;
      return {
        kind: 'unavailable',
        reason: `the node's block ${block.number} has no "${name}" field to encode`,
      };
    }
    items.push(kind === 'quantity' ? quantityBytes(value as Hex) : (value as Hex));
  }
  return { kind: 'computed', value: hash(toRlp(items)) };
}

/** RLP encodes integers big-endian without leading zeros; zero is the empty string. */
function quantityBytes(value: Hex): Hex {
  const n = hexToBigInt(value);
  return n === 0n ? '0x' : numberToHex(n);
}
