import { type Hex, isHex, keccak256, stringToHex } from 'viem';

/**
 * The forged replacement of a hash-like value: keccak256 of the original. Deterministic, so the same
 * fault on the same chain yields the same evidence in every run, and never equal to the original.
 */
export function forgeHash(original: unknown): Hex {
  const text = typeof original === 'string' ? original : JSON.stringify(original ?? null);
  return keccak256(isHex(text) ? text : stringToHex(text));
}
