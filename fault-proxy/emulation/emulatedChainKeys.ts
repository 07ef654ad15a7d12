import { type Hex, keccak256, toHex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';

/**
 * Keys of the emulated permissioned chain, derived from fixed labels so every run (and every reader of
 * the evidence) sees the same validators and governors. Test keys: public on purpose, never funded
 * anywhere but the embedded chain.
 */
export const emulatedKey = (label: string): Hex => keccak256(toHex(`chaineval emulation: ${label}`));

export const addressOfKey = (key: Hex): Hex => privateKeyToAddress(key).toLowerCase() as Hex;

/** Validators 1..n, in ascending address order (how Besu lists them in QBFT extraData). */
export function emulatedValidatorKeys(count: number): Hex[] {
  return Array.from({ length: count }, (_, i) => emulatedKey(`validator ${i + 1}`)).sort((a, b) =>
    addressOfKey(a).localeCompare(addressOfKey(b)),
  );
}

export function emulatedGovernorKeys(count: number): Hex[] {
  return Array.from({ length: count }, (_, i) => emulatedKey(`governor ${i + 1}`));
}

/** A key outside every emulated role: what a forged commit seal is signed with (block-sealed-by-outsider). */
export const outsiderKey = emulatedKey('outsider');
