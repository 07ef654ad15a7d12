import { z } from 'zod';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { lambdaEnvNames } from './lambdaEnvNames.ts';

export const LambdaEnvSchema = z.object({
  [lambdaEnvNames.tableName]: z.string().min(3),
  [lambdaEnvNames.targetSecretPrefix]: z.string().min(1).optional(),
  [lambdaEnvNames.runSecretPrefix]: z.string().min(1).optional(),
  [lambdaEnvNames.allowedTargetHosts]: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter((host) => host.length > 0),
    ),
  [lambdaEnvNames.loadShardTimeoutS]: z.coerce.number().int().positive().optional(),
  [lambdaEnvNames.loadMaxConcurrency]: z.coerce.number().int().positive().optional(),
  [lambdaEnvNames.loadShardStartAllowanceMs]: z.coerce.number().int().nonnegative().optional(),
  [lambdaEnvNames.stateMachineArn]: z.string().startsWith('arn:').optional(),
  [lambdaEnvNames.reportBucketName]: z.string().min(3).optional(),
  [lambdaEnvNames.reportSigningKeyId]: z.string().min(1).optional(),
});

export interface LambdaEnv {
  readonly tableName: string;
  /** Absent only for functions that never read a target key (finalize). */
  readonly targetSecretPrefix: string | undefined;
  /** Set on the API's start function and on finalize, which create and delete the runs' URL secrets. */
  readonly runSecretPrefix: string | undefined;
  readonly allowedTargetHosts: readonly string[];
  readonly loadShardTimeoutS: number | undefined;
  readonly loadMaxConcurrency: number | undefined;
  /** @default - planCloudRun's cloudShardStartAllowanceMs (stacks deployed before it was a setting) */
  readonly loadShardStartAllowanceMs: number | undefined;
  /** Set only on the API function that starts runs. */
  readonly stateMachineArn: string | undefined;
  /** Set on finalize, which writes the report files, and on the API read function, which links them. */
  readonly reportBucketName: string | undefined;
  /** Set only on finalize, which seals reports. */
  readonly reportSigningKeyId: string | undefined;
}

/** Reads the variables the stack sets (infra/lib/constructs/HarnessFunction.ts); a missing one is a deployment bug. */
export function readLambdaEnv(env: NodeJS.ProcessEnv = process.env): LambdaEnv {
  const parsed = LambdaEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError('the Lambda environment is incomplete; redeploy the chaineval stack', {
      details: z.prettifyError(parsed.error),
    });
  }
  const e = parsed.data;
  return {
    tableName: e[lambdaEnvNames.tableName],
    targetSecretPrefix: e[lambdaEnvNames.targetSecretPrefix],
    runSecretPrefix: e[lambdaEnvNames.runSecretPrefix],
    allowedTargetHosts: e[lambdaEnvNames.allowedTargetHosts],
    loadShardTimeoutS: e[lambdaEnvNames.loadShardTimeoutS],
    loadMaxConcurrency: e[lambdaEnvNames.loadMaxConcurrency],
    loadShardStartAllowanceMs: e[lambdaEnvNames.loadShardStartAllowanceMs],
    stateMachineArn: e[lambdaEnvNames.stateMachineArn],
    reportBucketName: e[lambdaEnvNames.reportBucketName],
    reportSigningKeyId: e[lambdaEnvNames.reportSigningKeyId],
  };
}
