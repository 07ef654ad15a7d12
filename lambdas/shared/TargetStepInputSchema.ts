import { z } from 'zod';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { TargetRefSchema } from './TargetRefSchema.ts';

/**
 * What every step that talks to the target receives from the state machine: the run id and the
 * target reference. The plan itself (steps, parameters, accounts) is read from the run record the
 * plan Lambda stored, so every step of a run executes exactly that plan.
 */
export const TargetStepInputSchema = z.object({
  runId: RunIdSchema,
  target: TargetRefSchema,
});
export type TargetStepInput = z.output<typeof TargetStepInputSchema>;
