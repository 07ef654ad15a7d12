/**
 * Where the API stores a run's target URL: `<runSecretPrefix><runId>/target-url`, with
 * runSecretPrefix = the stack's target secret prefix + `runs/` (lambdaEnvNames.runSecretPrefix). Under
 * the prefix the step functions may read, and in a folder of its own, so the API may create and
 * finalize may delete these secrets and no operator-stored key.
 */
export function runTargetUrlSecretName(runSecretPrefix: string, runId: string): string {
  return `${runSecretPrefix}${runId}/target-url`;
}
