import type { z } from 'zod';
import { CryptoSuiteSchema } from '#core/adapter/TargetInfo.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import { KeySecretIdSchema, TargetUrlSecretIdSchema } from './TargetRefSchema.ts';

/**
 * The execution input of the state machine (infra/lib/constructs/EvaluationStateMachine.ts), read by
 * the plan Lambda: the core's run request (the same one the CLI builds from flags) plus how to reach
 * the target: the names of the secrets holding its URL and its funded key, never their values (the
 * execution input is kept in the execution's history). Start the execution with `name` = runId:
 * Step Functions refuses a second execution of the same name, so one run id is never evaluated twice
 * into the same records. The API stores the URL under runTargetUrlSecretName before it starts one.
 *
 * @example
 * { "runId": "20261124T101500Z-1a2b3c4d", "profile": "jrt-0193-2020",
 *   "targetUrlSecretId": "chaineval/targets/runs/20261124T101500Z-1a2b3c4d/target-url",
 *   "keySecretId": "chaineval/targets/example", "parameters": { "loadRateTps": 200 }, "loadShards": 4 }
 */
export const RunInputSchema = RunRequestSchema.extend({
  targetUrlSecretId: TargetUrlSecretIdSchema,
  keySecretId: KeySecretIdSchema,
  /** What the target declares; @default - the adapter's default for its family */
  cryptoSuite: CryptoSuiteSchema.optional(),
});
export type RunInput = z.output<typeof RunInputSchema>;
export type RunInputInput = z.input<typeof RunInputSchema>;
