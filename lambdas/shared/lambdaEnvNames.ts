/**
 * Environment variables the stack sets on every harness Lambda and `readLambdaEnv` reads. infra/
 * imports these names, so the two sides cannot drift apart.
 */
export const lambdaEnvNames = {
  tableName: 'CHAINEVAL_TABLE_NAME',
  /** Secret names a run may reference must start with this (the IAM grant covers only these). */
  targetSecretPrefix: 'CHAINEVAL_TARGET_SECRET_PREFIX',
  /** Comma-separated hosts exempt from the private-address guard (DESIGN.md "Security posture"). */
  allowedTargetHosts: 'CHAINEVAL_ALLOWED_TARGET_HOSTS',
  /** The load-shard function's timeout: plan refuses load parameters that could not finish in it. */
  loadShardTimeoutS: 'CHAINEVAL_LOAD_SHARD_TIMEOUT_S',
  /** The load Map's MaxConcurrency: plan refuses more shards than can run at once. */
  loadMaxConcurrency: 'CHAINEVAL_LOAD_MAX_CONCURRENCY',
} as const;
