import { concat, type Hex, keccak256, numberToHex, stringToHex } from 'viem';

/**
 * A throw-away account key derived from the operator's key, a seed and an index: deterministic for
 * replay (same seed, same accounts) yet unknowable without the operator's key.
 */
export function deriveAccountKey(primaryKey: Hex, seed: string, index: number): Hex {
  return keccak256(concat([primaryKey, stringToHex(`chaineval:${seed}`), numberToHex(index, { size: 4 })]));
}
