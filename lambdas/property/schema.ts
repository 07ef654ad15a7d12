import { z } from 'zod';
import { TargetStepInputSchema } from '../shared/TargetStepInputSchema.ts';

/**
 * Built by the state machine from plan's output (`$.plan`): run id, target reference, and which
 * step: `property` in the Suites Parallel state, `disruptive` in the state after the load (the checks
 * that may stop the node, core/run/RunPlanSchema.ts).
 */
export const PropertyInputSchema = TargetStepInputSchema.extend({
  step: z.enum(['property', 'disruptive']).default('property'),
});
export type PropertyInput = z.output<typeof PropertyInputSchema>;
