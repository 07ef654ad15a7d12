import { z } from 'zod';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { RunInputSchema } from '../shared/RunInputSchema.ts';
import { TargetUrlSchema } from '../shared/TargetRefSchema.ts';

/**
 * The body of `POST /evaluations`: the state machine's execution input (the core's run request, the
 * one the CLI builds from flags, plus the target reference) without the run id, which the API
 * assigns, and with the target URL itself, which the API stores as a secret and passes on only by
 * that secret's name (runTargetUrlSecretName). Unknown fields are refused, as the CLI refuses
 * unknown flags.
 */
export const StartEvaluationBodySchema = RunInputSchema.omit({ runId: true, targetUrlSecretId: true }).extend(
  { targetUrl: TargetUrlSchema },
);
export type StartEvaluationBody = z.output<typeof StartEvaluationBodySchema>;

/**
 * `Idempotency-Key` header: a client-chosen token, so a retried request starts one run
 * (IETF draft-ietf-httpapi-idempotency-key-header).
 */
export const IdempotencyKeySchema = z
  .string({
    error: 'the Idempotency-Key header is required: a retried request with the same key starts one run',
  })
  .regex(/^[A-Za-z0-9_.:-]{8,128}$/, 'Idempotency-Key must be 8–128 of letters, digits and _ . : -');

/** The answer to `POST /evaluations` (202 started, 200 a repeat of the same request). */
export const StartEvaluationOutputSchema = z.object({
  runId: RunIdSchema,
  /** Where to follow it: `GET /evaluations/{runId}`. */
  statusPath: z.string().startsWith('/evaluations/'),
  /** False when this request repeated an earlier one (same key, same body). */
  started: z.boolean(),
});
export type StartEvaluationOutput = z.output<typeof StartEvaluationOutputSchema>;
