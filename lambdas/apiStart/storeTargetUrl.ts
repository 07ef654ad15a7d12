import {
  CreateSecretCommand,
  InvalidRequestException,
  ResourceExistsException,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { runTargetUrlSecretName } from '../shared/runTargetUrlSecretName.ts';

/** The tag naming the run a URL secret belongs to (find or clean up a run's secrets by it). */
export const runIdTagKey = 'chaineval:runId';

export interface StoreTargetUrlParameters {
  readonly client: SecretsManagerClient;
  /** lambdaEnvNames.runSecretPrefix: the target secret prefix + `runs/`. */
  readonly runSecretPrefix: string;
  readonly runId: string;
  readonly targetUrl: string;
  /** False when this request repeats one that claimed the run before (claimIdempotencyKey). */
  readonly fresh: boolean;
}

/**
 * Stores a run's target URL as the secret `<runSecretPrefix><runId>/target-url`, tagged with the run
 * id, and answers its name: the execution input carries that name, never the URL, which may hold an
 * API token and would otherwise sit in the execution's history. A repeat of the request finds the
 * secret already there ("already exists" is success: the same run id means the same body, so the
 * same URL); a repeat after the run finished finds it scheduled for deletion by finalize, which is
 * fine too: StartExecution then answers that the run exists. Finalize deletes it (deleteTargetUrlSecret).
 */
export async function storeTargetUrl({
  client,
  runSecretPrefix,
  runId,
  targetUrl,
  fresh,
}: StoreTargetUrlParameters): Promise<string> {
  const name = runTargetUrlSecretName(runSecretPrefix, runId);
  try {
    await client.send(
      new CreateSecretCommand({
        Name: name,
        SecretString: targetUrl,
        Description: `chaineval run ${runId}: the target URL (deleted when the run is finalized)`,
        Tags: [{ Key: runIdTagKey, Value: runId }],
      }),
    );
  } catch (error) {
    if (error instanceof ResourceExistsException) return name;
    if (!fresh && error instanceof InvalidRequestException) return name;
    throw error;
  }
  return name;
}
