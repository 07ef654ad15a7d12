import {
  GetPublicKeyCommand,
  type KMSClient,
  SignCommand,
  type SigningAlgorithmSpec,
} from '@aws-sdk/client-kms';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { createVerifyingKey } from './createVerifyingKey.ts';
import type { SignatureAlgorithm, Signer } from './Signer.ts';

export interface KmsSignerOptions {
  readonly client: KMSClient;
  /** Key id, ARN or alias of an asymmetric SIGN_VERIFY key (ECC_NIST_P256, or SM2 in the China regions). */
  readonly kmsKeyId: string;
  /** Deadline of each KMS call. @default 10_000 */
  readonly requestDeadlineMs?: number;
}

/** KMS signing algorithm for each report signature scheme (KMS returns DER signatures for both). */
const kmsAlgorithms: Partial<Record<SignatureAlgorithm, SigningAlgorithmSpec>> = {
  'ecdsa-p256-sha256': 'ECDSA_SHA_256',
  // KMS computes SM3(Z_A ‖ M) with the default distinguishing id 1234567812345678 for RAW messages,
  // the id sm-crypto and OpenSSL use: a KMS SM2 seal verifies offline.
  'sm2-sm3': 'SM2DSA',
};

/**
 * A Signer whose private key stays in AWS KMS (the cloud runtime's report key, infra/). The public
 * key is read once (GetPublicKey) to derive the key id and algorithm exactly as a verifier will;
 * each seal is one Sign call on the raw PAE bytes (about 1 KB, within KMS's 4 KB RAW limit).
 */
export async function createKmsSigner({
  client,
  kmsKeyId,
  requestDeadlineMs = 10_000,
}: KmsSignerOptions): Promise<Signer> {
  const options = () => ({ abortSignal: AbortSignal.timeout(requestDeadlineMs) });
  const { PublicKey, KeyUsage } = await client.send(new GetPublicKeyCommand({ KeyId: kmsKeyId }), options());
  if (PublicKey === undefined || KeyUsage !== 'SIGN_VERIFY') {
    throw new ConfigError(
      `KMS key ${kmsKeyId} is not an asymmetric signing key (KeyUsage ${KeyUsage ?? 'unknown'}); use an ECC_NIST_P256 or SM2 SIGN_VERIFY key`,
    );
  }
  const verifying = createVerifyingKey(PublicKey, `KMS key ${kmsKeyId}`);
  const signingAlgorithm = kmsAlgorithms[verifying.algorithm];
  if (signingAlgorithm === undefined) {
    throw new ConfigError(
      `KMS key ${kmsKeyId} is ${verifying.algorithm}; KMS report signing supports ECC_NIST_P256 and SM2 keys`,
    );
  }
  return {
    keyId: verifying.keyId,
    algorithm: verifying.algorithm,
    async sign(data) {
      const { Signature } = await client.send(
        new SignCommand({
          KeyId: kmsKeyId,
          Message: data,
          MessageType: 'RAW',
          SigningAlgorithm: signingAlgorithm,
        }),
        options(),
      );
      if (Signature === undefined) throw new ConfigError(`KMS key ${kmsKeyId} returned no signature`);
      return Signature;
    },
  };
}
