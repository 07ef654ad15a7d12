import { z } from 'zod';
import { ProfileParametersSchema } from '#core/profile/ProfileParametersSchema.ts';
import { RunIdSchema } from '#core/run/RunMetaSchema.ts';
import { TargetRefSchema } from './TargetRefSchema.ts';

/**
 * What every step that talks to the target receives from the state machine: the run id, the target
 * reference and the effective parameters plan recorded in the run meta, so every step of a run uses
 * exactly the recorded values.
 */
export const TargetStepInputSchema = z.object({
  runId: RunIdSchema,
  target: TargetRefSchema,
  parameters: ProfileParametersSchema,
});
export type TargetStepInput = z.output<typeof TargetStepInputSchema>;
