import { z } from 'zod';
import { CryptoSuiteSchema } from '#core/adapter/TargetInfo.ts';
import { ProfileParametersSchema } from '#core/profile/ProfileParametersSchema.ts';
import { RunIdSchema } from '#core/run/RunMetaSchema.ts';
import { KeySecretIdSchema, TargetUrlSchema } from './TargetRefSchema.ts';

/**
 * Bounded so the shard list stays far below the 256 KiB Step Functions payload limit and a typo
 * cannot start thousands of Lambdas.
 */
export const maxShardCount = 1_000;

/**
 * The execution input of the state machine (infra/lib/constructs/EvaluationStateMachine.ts), read by
 * the plan Lambda. Start the execution with `name` = runId: Step Functions refuses a second
 * execution of the same name, so one run id is never evaluated twice into the same records.
 *
 * @example
 * { "runId": "20261124T101500Z-1a2b3c4d", "targetUrl": "https://rpc.example.com",
 *   "keySecretId": "chaineval/targets/example", "parameters": { "loadRateTps": 200 }, "shardCount": 4 }
 */
export const RunInputSchema = z.strictObject({
  runId: RunIdSchema,
  targetUrl: TargetUrlSchema,
  keySecretId: KeySecretIdSchema,
  /** What the target declares; @default - the adapter's default for its family */
  cryptoSuite: CryptoSuiteSchema.optional(),
  /** Overrides of the profile's parameters; unknown names are refused (a typo must not pass silently). */
  parameters: ProfileParametersSchema.strict().prefault({}),
  shardCount: z.number().int().min(1).max(maxShardCount).default(1),
});
export type RunInput = z.output<typeof RunInputSchema>;
export type RunInputInput = z.input<typeof RunInputSchema>;
