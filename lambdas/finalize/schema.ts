import { z } from 'zod';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import type { RunStatus } from '#core/run/RunMetaSchema.ts';
import type { OverallVerdictValue } from '#core/scoring/ClauseVerdictSchema.ts';
import { describeStepFailure } from '../shared/describeStepFailure.ts';

/** What a Step Functions Catch records at its ResultPath. */
export const StepFailureSchema = z.object({ Error: z.string(), Cause: z.string().optional() });

/**
 * Built by the state machine; `failure` is present only on the path from a Catch, and turns into the
 * run's `incompleteReason` (a run that cannot finish is marked incomplete, not dropped).
 */
export const FinalizeInputSchema = z
  .object({
    runId: RunIdSchema,
    failure: StepFailureSchema.optional(),
  })
  .transform(({ runId, failure }) => ({
    runId,
    ...(failure === undefined ? {} : { incompleteReason: describeStepFailure(failure) }),
  }));
export type FinalizeInput = z.output<typeof FinalizeInputSchema>;

/** A reference to the stored report, and what the state machine branches on. */
export interface FinalizeOutput {
  readonly runId: string;
  readonly status: RunStatus;
  readonly verdict: OverallVerdictValue;
  readonly score: number;
  readonly coverage: number;
  readonly incompleteReason?: string;
  /** False when the report is stored but could not be sealed or its files written (PublicationSchema). */
  readonly published?: false;
  readonly publicationFailure?: string;
}
