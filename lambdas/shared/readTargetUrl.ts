import { ConfigError } from '#core/errors/ConfigError.ts';
import { awsClients } from './awsClients.ts';
import { fetchTargetUrl } from './fetchTargetUrl.ts';
import type { LambdaEnv } from './readLambdaEnv.ts';

/**
 * The target URL of a run, from the secret its target reference names (fetchTargetUrl, cached per
 * container), for the functions that connect to targets. Read before anything else of the step, so
 * the step's store, logs and error can be scrubbed of it (withSecretScrubbing, createLambdaStore).
 */
export async function readTargetUrl(urlSecretId: string, env: LambdaEnv): Promise<string> {
  if (env.targetSecretPrefix === undefined) {
    throw new ConfigError(
      'this Lambda may not read target secrets; only plan, conformance, property and loadShard connect to targets',
    );
  }
  return fetchTargetUrl({
    client: awsClients().secretsManager,
    secretId: urlSecretId,
    allowedPrefix: env.targetSecretPrefix,
  });
}
