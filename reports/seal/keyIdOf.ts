import { sha256Hex } from './sha256Hex.ts';

/** A key's id: `sha256:` of its SubjectPublicKeyInfo DER, so any holder of the public key derives the same id. */
export function keyIdOf(spkiDer: Uint8Array): string {
  return `sha256:${sha256Hex(spkiDer)}`;
}
