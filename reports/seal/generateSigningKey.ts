import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import sm2Crypto from 'sm-crypto';
import { z } from 'zod';
import { keyIdOf } from './keyIdOf.ts';
import { derPem } from './pemDer.ts';
import { sm2Pkcs8Der, sm2SpkiDer } from './sm2KeyDer.ts';

/** What `chaineval keys generate --algorithm` accepts. */
export const KeyAlgorithmSchema = z.enum(['ed25519', 'p256', 'sm2']);
export type KeyAlgorithm = z.infer<typeof KeyAlgorithmSchema>;

export interface GeneratedSigningKey {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  readonly keyId: string;
}

/** sm-crypto exports it; @types/sm-crypto 0.3.4 omits it. */
const sm2WithPublicKey = sm2Crypto.sm2 as typeof sm2Crypto.sm2 & {
  getPublicKeyFromPrivateKey(privateKeyHex: string): string;
};

/** Order n of the SM2 group (GB/T 32918.5): a private key d is in [1, n − 2]. */
const sm2Order = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

/**
 * A fresh report-signing key pair as PEM (PKCS#8 private, SubjectPublicKeyInfo public). Ed25519 and
 * P-256 come from node:crypto; an SM2 scalar is drawn from node:crypto's CSPRNG by rejection
 * sampling and its point computed by sm-crypto.
 */
export function generateSigningKey(algorithm: KeyAlgorithm): GeneratedSigningKey {
  if (algorithm === 'sm2') {
    let d = 0n;
    // Rejection sampling: the chance of a 32-byte draw falling outside [1, n − 2] is about 2^-32.
    for (let i = 0; i < 64 && (d < 1n || d > sm2Order - 2n); i++)
      d = BigInt(`0x${randomBytes(32).toString('hex')}`);
    const privateKeyHex = d.toString(16).padStart(64, '0');
    const publicKeyHex = sm2WithPublicKey.getPublicKeyFromPrivateKey(privateKeyHex);
    const spki = sm2SpkiDer(publicKeyHex);
    return {
      privateKeyPem: derPem(sm2Pkcs8Der(privateKeyHex, publicKeyHex), 'PRIVATE KEY'),
      publicKeyPem: derPem(spki, 'PUBLIC KEY'),
      keyId: keyIdOf(spki),
    };
  }
  const { privateKey } =
    algorithm === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const publicKey = createPublicKey(privateKey);
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey.export({ type: 'spki', format: 'der' })),
  };
}
