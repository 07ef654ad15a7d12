import { bytesToHex, type Hex, hexToBytes, keccak256 } from 'viem';

/** A log as the bloom sees it: its address and topics (the data is not indexed). */
export interface BloomInput {
  readonly address: Hex;
  readonly topics: readonly Hex[];
}

const bloomBytes = 256;

/**
 * The 2048-bit logs bloom of `logs` (Yellow Paper §4.3.1, M3:2048): for the address and each topic of
 * every log, the low 11 bits of the first three byte pairs of its keccak256 each set one bit, counted
 * from the right of the big-endian 256-byte filter.
 */
export function computeLogsBloom(logs: readonly BloomInput[]): Hex {
  const bloom = new Uint8Array(bloomBytes);
  for (const log of logs) for (const item of [log.address, ...log.topics]) addToBloom(bloom, item);
  return bytesToHex(bloom);
}

/** The bitwise OR of blooms: a block's bloom is that of its receipts' (Yellow Paper §4.3, H_b). */
export function orBlooms(blooms: readonly Hex[]): Hex {
  const bloom = new Uint8Array(bloomBytes);
  for (const b of blooms) {
    const bytes = hexToBytes(b);
    for (let i = 0; i < bloomBytes; i++) bloom[i] = (bloom[i] ?? 0) | (bytes[i] ?? 0);
  }
  return bytesToHex(bloom);
}

function addToBloom(bloom: Uint8Array, item: Hex): void {
  const hash = hexToBytes(keccak256(item));
  for (let i = 0; i < 6; i += 2) {
    const bit = (((hash[i] ?? 0) << 8) | (hash[i + 1] ?? 0)) & 2047;
    const index = bloomBytes - 1 - (bit >> 3);
    bloom[index] = (bloom[index] ?? 0) | (1 << (bit & 7));
  }
}
