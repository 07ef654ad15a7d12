import { z } from 'zod';

/**
 * Signature schemes a sealed report may carry. ed25519 (RFC 8032), ecdsa-p256-sha256 (FIPS 186-5,
 * DER-encoded signature) and sm2-sm3 (GB/T 32918.2 signature over SM3 with the default user id
 * 1234567812345678, DER-encoded) for users who must use the national algorithms.
 */
export const SignatureAlgorithmSchema = z.enum(['ed25519', 'ecdsa-p256-sha256', 'sm2-sm3']);
export type SignatureAlgorithm = z.infer<typeof SignatureAlgorithmSchema>;

/**
 * Signs the bytes of a DSSE pre-authentication encoding. Implementations: a local PEM key file
 * (createLocalKeySigner) and AWS KMS (createKmsSigner); the key never leaves either.
 */
export interface Signer {
  /** `sha256:` of the public key's SubjectPublicKeyInfo DER (keyIdOf): the same for every copy of the key. */
  readonly keyId: string;
  readonly algorithm: SignatureAlgorithm;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** A trusted public key: what `chaineval verify` checks a signature with. */
export interface VerifyingKey {
  readonly keyId: string;
  readonly algorithm: SignatureAlgorithm;
  /** Where the key came from, for the "signed by" line (a file path, or a KMS key id). */
  readonly source: string;
  verify(data: Uint8Array, signature: Uint8Array): boolean;
}
