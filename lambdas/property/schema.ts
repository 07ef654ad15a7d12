import type { z } from 'zod';
import { TargetStepInputSchema } from '../shared/TargetStepInputSchema.ts';

/** Built by the state machine from plan's output (`$.plan`): run id, target reference, parameters. */
export const PropertyInputSchema = TargetStepInputSchema;
export type PropertyInput = z.output<typeof PropertyInputSchema>;
