import { createHash } from 'node:crypto';
import { bytesToHex, type Hex, hexToBytes, keccak256 } from 'viem';
import type { CryptoSuite } from '#core/adapter/TargetInfo.ts';

const nodeHash =
  (algorithm: string) =>
  (data: Hex): Hex =>
    bytesToHex(createHash(algorithm).update(hexToBytes(data)).digest());

/**
 * The header hash function of a declared suite. Recomputing with the *declared* function is what
 * lets CR-01 catch a chain that claims a suite (e.g. SM3, GB/T 32905) its ledger does not use.
 * Node's OpenSSL 3 provides `sm3` (checked against the GB/T 32905 vector in the unit test).
 */
export function headerHashFor(suite: CryptoSuite): (data: Hex) => Hex {
  switch (suite) {
    case 'secp256k1-keccak256':
      return keccak256;
    case 'sm2-sm3':
      return nodeHash('sm3');
    case 'p256-sha256':
    case 'ed25519-sha256':
      return nodeHash('sha256');
  }
}
