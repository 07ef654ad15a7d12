import { createHash } from 'node:crypto';
import { keccak256 } from 'viem';
import type { CryptoSuite } from '#core/adapter/TargetInfo.ts';
import { sm3Hex } from './sm3.ts';

type Hex = `0x${string}`;

/** The hash functions CR-02 tries, and the crypto suites each belongs to (core/adapter/TargetInfo.ts). */
export const candidateHashFunctions = {
  keccak256: { hash: (data: Hex): Hex => keccak256(data), suites: ['secp256k1-keccak256'] },
  sm3: { hash: sm3Hex, suites: ['sm2-sm3'] },
  sha256: {
    hash: (data: Hex): Hex =>
      `0x${createHash('sha256')
        .update(Buffer.from(data.slice(2), 'hex'))
        .digest('hex')}`,
    suites: ['p256-sha256', 'ed25519-sha256'],
  },
} as const satisfies Record<string, { hash: (data: Hex) => Hex; suites: readonly CryptoSuite[] }>;
export type HashFunctionName = keyof typeof candidateHashFunctions;

/** A hash the ledger reports and the bytes it should be the hash of. */
export interface HashedItem {
  /** `block 12`, `transaction 0x…`. */
  readonly label: string;
  readonly reported: Hex;
  readonly preimage: Hex;
}

export interface HashIdentification {
  /** The one function that reproduces every reported hash, or none. */
  readonly matches: HashFunctionName | 'none';
  /** Per function, the items it reproduces (of `items` in all). */
  readonly reproduced: Record<HashFunctionName, number>;
  readonly items: number;
  /** Items no candidate function reproduces, with each function's value (the first few). */
  readonly unexplained: readonly { label: string; reported: Hex; computed: Record<HashFunctionName, Hex> }[];
}

/**
 * Which hash function the ledger uses (standards.md §5 CR-02): every item is hashed with keccak256,
 * SM3 (GB/T 32905-2016) and SHA-256, and a function is identified only when it reproduces every
 * reported hash. One item that none reproduces (a forged hash) leaves the ledger unidentified.
 */
export function identifyHashFunction(items: readonly HashedItem[]): HashIdentification {
  const names = Object.keys(candidateHashFunctions) as HashFunctionName[];
  const reproduced = Object.fromEntries(names.map((n) => [n, 0])) as Record<HashFunctionName, number>;
  const unexplained: { label: string; reported: Hex; computed: Record<HashFunctionName, Hex> }[] = [];
  for (const item of items) {
    const computed = Object.fromEntries(
      names.map((n) => [n, candidateHashFunctions[n].hash(item.preimage)]),
    ) as Record<HashFunctionName, Hex>;
    let any = false;
    for (const n of names)
      if (computed[n].toLowerCase() === item.reported.toLowerCase()) {
        reproduced[n]++;
        any = true;
      }
    if (!any && unexplained.length < 5)
      unexplained.push({ label: item.label, reported: item.reported, computed });
  }
  const full = names.filter((n) => items.length > 0 && reproduced[n] === items.length);
  return { matches: full[0] ?? 'none', reproduced, items: items.length, unexplained };
}
