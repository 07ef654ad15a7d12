import { z } from 'zod';
import { RunInputSchema } from '../shared/RunInputSchema.ts';
import { TargetStepInputSchema } from '../shared/TargetStepInputSchema.ts';

/** plan reads the state machine's execution input as it was given. */
export const PlanInputSchema = RunInputSchema;
export type PlanInput = z.output<typeof PlanInputSchema>;

/**
 * plan's answer, kept at `$.plan` by the state machine: what every later step receives (run id,
 * target reference, effective parameters) and the shard indexes the load Map iterates over.
 */
export const PlanOutputSchema = TargetStepInputSchema.extend({
  shardCount: z.number().int().positive(),
  shards: z.array(z.number().int().nonnegative()),
});
export type PlanOutput = z.output<typeof PlanOutputSchema>;
