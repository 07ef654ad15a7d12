import { RemovalPolicy } from 'aws-cdk-lib';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';

export interface ReportSigningKeyProps {
  /**
   * What happens to the key when it leaves the stack.
   *
   * @default RemovalPolicy.RETAIN - without the key's public half, nobody can check an old report's seal
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The asymmetric KMS key that seals the cloud's reports (docs/adr/0008): ECC_NIST_P256, SIGN_VERIFY,
 * used through the Signer interface (reports/seal/createKmsSigner.ts) with ECDSA_SHA_256, so a cloud
 * seal is the same DSSE envelope the CLI's P-256 key file makes and `chaineval verify` checks it
 * with the key's public half (`aws kms get-public-key`). The private key never leaves KMS.
 *
 * No automatic rotation: KMS supports it only for symmetric keys (an asymmetric key cannot be
 * rotated in place, https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html). To rotate,
 * deploy a new key; old reports keep verifying with the old public key, which stays in KMS (retained).
 * cdk-nag's AwsSolutions-KMS5 (rotation) applies to symmetric keys only, so it raises no finding here.
 */
export class ReportSigningKey extends Key {
  constructor(scope: Construct, id: string, props: ReportSigningKeyProps = {}) {
    super(scope, id, {
      description: 'chaineval: seals evaluation reports (ECDSA P-256 signatures over DSSE envelopes)',
      keySpec: KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      enableKeyRotation: false,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
  }
}
