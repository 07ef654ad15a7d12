import { createPrivateKey, createPublicKey, type KeyObject, sign } from 'node:crypto';
import sm2Crypto from 'sm-crypto';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { keyIdOf } from './keyIdOf.ts';
import { derPem, requirePemDer } from './pemDer.ts';
import type { Signer } from './Signer.ts';
import { sm2KeyOfPkcs8, sm2SpkiDer } from './sm2KeyDer.ts';

/**
 * A Signer over a PEM PKCS#8 private key (`chaineval keys generate`): Ed25519, ECDSA P-256 or
 * SM2. `source` names the key in errors (its file path); the key text itself never appears.
 */
export function createLocalKeySigner(
  pem: string,
  source: string,
): Signer & { readonly publicKeyPem: string } {
  const der = requirePemDer(pem, 'PRIVATE KEY', source);
  const sm2 = sm2KeyOfPkcs8(der);
  if (sm2) {
    const spki = sm2SpkiDer(sm2.publicKeyHex);
    return {
      keyId: keyIdOf(spki),
      algorithm: 'sm2-sm3',
      publicKeyPem: derPem(spki, 'PUBLIC KEY'),
      async sign(data) {
        // GB/T 32918.2: e = SM3(Z_A ‖ M) with the default user id; DER-encoded (r, s).
        const signature = sm2Crypto.sm2.doSignature(Array.from(data), sm2.privateKeyHex, {
          hash: true,
          der: true,
          publicKey: sm2.publicKeyHex,
        });
        return Buffer.from(signature, 'hex');
      },
    };
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    throw new ConfigError(
      `${source} is not a readable PKCS#8 private key; create one with "chaineval keys generate"`,
    );
  }
  const publicKey = createPublicKey(key);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const common = {
    keyId: keyIdOf(spki),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
  if (key.asymmetricKeyType === 'ed25519') {
    return { ...common, algorithm: 'ed25519', sign: async (data) => sign(null, data, key) };
  }
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    return {
      ...common,
      algorithm: 'ecdsa-p256-sha256',
      sign: async (data) => sign('sha256', data, { key, dsaEncoding: 'der' }),
    };
  }
  throw new ConfigError(
    `${source} is a ${key.asymmetricKeyType ?? 'unknown'}${key.asymmetricKeyDetails?.namedCurve ? ` ${key.asymmetricKeyDetails.namedCurve}` : ''} key; report signing keys are Ed25519, ECDSA P-256 or SM2 ("chaineval keys generate --algorithm ed25519|p256|sm2")`,
  );
}
