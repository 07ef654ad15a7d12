import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { TargetUrlSchema } from './TargetRefSchema.ts';

export interface FetchTargetUrlParameters {
  readonly client: SecretsManagerClient;
  readonly secretId: string;
  /** The prefix the stack grants read on; other names are refused before AWS would refuse them. */
  readonly allowedPrefix: string;
}

/**
 * URLs already read by this container, by secret name. A run's URL secret is created once and never
 * updated (the API's CreateSecret), so a warm container's later steps of the same run (suites, the
 * shards of each scenario) reuse it without a call. Bounded: a container serving many runs keeps
 * only the latest few.
 */
const cache = new Map<string, string>();
const cacheSize = 16;

/**
 * Reads the target URL a run references (the API stored it, runTargetUrlSecretName): the URL may
 * carry an API token in its user info, path or query, so it travels in no state payload, only this
 * secret's name. Error messages name the secret, never its value.
 */
export async function fetchTargetUrl({
  client,
  secretId,
  allowedPrefix,
}: FetchTargetUrlParameters): Promise<string> {
  const cached = cache.get(secretId);
  if (cached !== undefined) return cached;
  if (!secretId.startsWith(allowedPrefix)) {
    throw new ConfigError(
      `target URL secret "${secretId}" is outside the prefix "${allowedPrefix}" this stack may read`,
      {
        details: `Start runs through the API, which stores the URL itself, or store it under "${allowedPrefix}runs/<runId>/target-url" (docs/deploy.md).`,
      },
    );
  }
  let SecretString: string | undefined;
  try {
    ({ SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId })));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    throw new ConfigError(`target URL secret "${secretId}" does not exist; create it before the run starts`, {
      details: 'The API creates it; an execution started by hand needs it first (docs/deploy.md).',
    });
  }
  const parsed = TargetUrlSchema.safeParse(SecretString?.trim());
  if (!parsed.success) {
    throw new ConfigError(`secret "${secretId}" does not hold an http(s) target URL`, {
      details: 'Store the JSON-RPC URL itself as the secret string, e.g. https://rpc.example.com/v3/<token>.',
    });
  }
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value as string);
  cache.set(secretId, parsed.data);
  return parsed.data;
}
