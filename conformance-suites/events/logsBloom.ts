import { type Hex, hexToBytes, keccak256, toHex } from 'viem';

/** What a bloom is built from: each log's address and topics (Yellow Paper §4.3.1, M3:2048). */
export interface BloomInput {
  readonly address: Hex;
  readonly topics: readonly Hex[];
}

/**
 * The 2048-bit logs bloom of `logs`, computed by the harness: for the address and every topic,
 * keccak256 of its bytes sets three bits, each the low 11 bits of one of the first three byte pairs
 * of the hash, counted from the low-order end of the 256-byte filter (Yellow Paper §4.3.1 eq. 28–30).
 */
export function logsBloom(logs: readonly BloomInput[]): Hex {
  const bloom = new Uint8Array(256);
  for (const log of logs) {
    for (const item of [log.address, ...log.topics]) {
      const hash = hexToBytes(keccak256(item));
      for (let i = 0; i < 6; i += 2) {
        const bit = ((hash[i]! << 8) | hash[i + 1]!) & 2047;
        bloom[255 - (bit >> 3)]! |= 1 << (bit & 7);
      }
    }
  }
  return toHex(bloom);
}

/** Whether every bit set in `inner` is set in `outer` (a block's bloom covers its receipts'). */
export function bloomContains(outer: Hex, inner: Hex): boolean {
  const o = hexToBytes(outer);
  const i = hexToBytes(inner);
  return o.length === i.length && i.every((byte, k) => (o[k]! & byte) === byte);
}
