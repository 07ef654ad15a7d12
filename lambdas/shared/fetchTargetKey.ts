import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { parseTargetKeySecret } from './parseTargetKeySecret.ts';

export interface FetchTargetKeyParameters {
  readonly client: SecretsManagerClient;
  readonly secretId: string;
  /** The prefix the stack grants read on; other names are refused before AWS would refuse them. */
  readonly allowedPrefix: string;
}

/**
 * Reads the funded key a run references (DESIGN.md "Security posture": referenced, never stored).
 * The key goes straight into the adapter; it is never logged, returned or written to the store.
 */
export async function fetchTargetKey({
  client,
  secretId,
  allowedPrefix,
}: FetchTargetKeyParameters): Promise<Hex> {
  if (!secretId.startsWith(allowedPrefix)) {
    throw new ConfigError(
      `key secret "${secretId}" is outside the prefix "${allowedPrefix}" this stack may read`,
      {
        details: `Store the key under a name like "${allowedPrefix}my-chain" and pass that name (not an ARN) as keySecretId.`,
      },
    );
  }
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (SecretString === undefined) {
    throw new ConfigError(
      `secret "${secretId}" has no string value (binary secrets are not supported); store the key as text`,
    );
  }
  return parseTargetKeySecret(SecretString, secretId);
}
