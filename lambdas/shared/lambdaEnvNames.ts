/**
 * Environment variables the stack sets on every harness Lambda and `readLambdaEnv` reads. infra/
 * imports these names, so the two sides cannot drift apart.
 */
export const lambdaEnvNames = {
  tableName: 'CHAINEVAL_TABLE_NAME',
  /** Secret names a run may reference must start with this (the IAM grant covers only these). */
  targetSecretPrefix: 'CHAINEVAL_TARGET_SECRET_PREFIX',
  /**
   * Where the API stores each run's target URL (runTargetUrlSecretName), inside the target secret
   * prefix: set on the API's start function (creates them) and on finalize (deletes them).
   */
  runSecretPrefix: 'CHAINEVAL_RUN_SECRET_PREFIX',
  /** Comma-separated host names, IP addresses and CIDR ranges a run may reach although private (assertTargetAllowed). */
  allowedTargetHosts: 'CHAINEVAL_ALLOWED_TARGET_HOSTS',
  /** The load-shard function's timeout: plan refuses load parameters that could not finish in it. */
  loadShardTimeoutS: 'CHAINEVAL_LOAD_SHARD_TIMEOUT_S',
  /** The load Map's MaxConcurrency: plan refuses more shards than can run at once. */
  loadMaxConcurrency: 'CHAINEVAL_LOAD_MAX_CONCURRENCY',
  /** Time a load shard is given from its Map's start to being ready: plan adds it to each scenario's start delay. */
  loadShardStartAllowanceMs: 'CHAINEVAL_LOAD_SHARD_START_ALLOWANCE_MS',
  /** The evaluation state machine the API's start function starts runs of. */
  stateMachineArn: 'CHAINEVAL_STATE_MACHINE_ARN',
  /** The S3 bucket finalize writes report files to (under reportObjectPrefix). */
  reportBucketName: 'CHAINEVAL_REPORT_BUCKET',
  /** ARN of the asymmetric KMS key (ECC_NIST_P256, SIGN_VERIFY) finalize seals reports with. */
  reportSigningKeyId: 'CHAINEVAL_REPORT_SIGNING_KEY_ID',
} as const;
