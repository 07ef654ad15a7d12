import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import sm2Crypto from 'sm-crypto';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { keyIdOf } from './keyIdOf.ts';
import type { VerifyingKey } from './Signer.ts';
import { sm2PublicKeyOfSpki } from './sm2KeyDer.ts';

/**
 * A trusted public key from its SubjectPublicKeyInfo DER (a `PUBLIC KEY` PEM, or what AWS KMS
 * GetPublicKey returns). The algorithm follows from the key itself, never from the envelope, so an
 * envelope cannot ask for a weaker check.
 */
export function createVerifyingKey(spkiDer: Uint8Array, source: string): VerifyingKey {
  const keyId = keyIdOf(spkiDer);
  const sm2 = sm2PublicKeyOfSpki(spkiDer);
  if (sm2) {
    return {
      keyId,
      algorithm: 'sm2-sm3',
      source,
      verify: (data, signature) => {
        try {
          return sm2Crypto.sm2.doVerifySignature(
            Array.from(data),
            Buffer.from(signature).toString('hex'),
            sm2,
            {
              hash: true,
              der: true,
            },
          );
        } catch {
          return false;
        }
      },
    };
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' });
  } catch {
    throw new ConfigError(`${source} is not a readable public key (PEM SubjectPublicKeyInfo)`);
  }
  const safely = (check: () => boolean) => {
    try {
      return check();
    } catch {
      return false;
    }
  };
  if (key.asymmetricKeyType === 'ed25519') {
    return {
      keyId,
      algorithm: 'ed25519',
      source,
      verify: (data, signature) => safely(() => verify(null, data, key, signature)),
    };
  }
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    return {
      keyId,
      algorithm: 'ecdsa-p256-sha256',
      source,
      verify: (data, signature) =>
        safely(() => verify('sha256', data, { key, dsaEncoding: 'der' }, signature)),
    };
  }
  throw new ConfigError(
    `${source} is a ${key.asymmetricKeyType ?? 'unknown'} key; sealed reports are signed with Ed25519, ECDSA P-256 or SM2 keys`,
  );
}
