import { DeleteSecretCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { runTargetUrlSecretName } from '../shared/runTargetUrlSecretName.ts';

/**
 * Days Secrets Manager keeps a deleted URL secret recoverable (its minimum is 7): long enough to
 * re-run a failed finalize by hand, short enough that a token does not linger.
 */
export const targetUrlRecoveryWindowDays = 7;

export type TargetUrlSecretDeletion =
  | { readonly deleted: true; readonly secretId: string }
  | { readonly deleted: false; readonly secretId: string; readonly reason: string };

/**
 * Schedules the deletion of the run's target URL secret, which the API stored when it started the
 * run (storeTargetUrl), once nothing of the run will connect again. Only the run's own name under
 * `runs/` (the IAM grant allows nothing else): a URL secret an operator stored elsewhere for
 * hand-started runs is theirs to keep. Never throws: a secret that is already scheduled or absent (a
 * retried finalize, a hand-started run) or a failed call must not cost the run its report; the
 * outcome is logged by the caller.
 */
export async function deleteTargetUrlSecret(
  client: SecretsManagerClient,
  runSecretPrefix: string,
  runId: string,
): Promise<TargetUrlSecretDeletion> {
  const secretId = runTargetUrlSecretName(runSecretPrefix, runId);
  try {
    await client.send(
      new DeleteSecretCommand({ SecretId: secretId, RecoveryWindowInDays: targetUrlRecoveryWindowDays }),
      { abortSignal: AbortSignal.timeout(10_000) },
    );
    return { deleted: true, secretId };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
    return { deleted: false, secretId, reason };
  }
}
