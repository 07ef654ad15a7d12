import { z } from 'zod';
import { RunInputSchema } from '../shared/RunInputSchema.ts';

/**
 * The body of `POST /evaluations`: the state machine's execution input (the core's run request, the
 * one the CLI builds from flags, plus the target reference) without the run id, which the API
 * assigns. Unknown fields are refused, as the CLI refuses unknown flags.
 */
export const StartEvaluationBodySchema = RunInputSchema.omit({ runId: true });
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

export interface StartEvaluationOutput {
  readonly runId: string;
  /** Where to follow it: `GET /evaluations/{runId}`. */
  readonly statusPath: string;
  /** False when this request repeated an earlier one (same key, same body). */
  readonly started: boolean;
}
