import { z } from 'zod';
import { RunInputSchema } from '../shared/RunInputSchema.ts';
import { TargetStepInputSchema } from '../shared/TargetStepInputSchema.ts';

/** plan reads the state machine's execution input as it was given. */
export const PlanInputSchema = RunInputSchema;
export type PlanInput = z.output<typeof PlanInputSchema>;

/** One item of the load Map: a shard of a planned scenario. */
export const LoadShardItemSchema = z.object({
  scenario: z.string(),
  shardIndex: z.number().int().nonnegative(),
});

/**
 * plan's answer, kept at `$.plan` by the state machine: the run id and target reference every later
 * step receives, and the load shards the Map iterates over (empty when the plan has no load).
 */
export const PlanOutputSchema = TargetStepInputSchema.extend({
  loadShards: z.array(LoadShardItemSchema),
});
export type PlanOutput = z.output<typeof PlanOutputSchema>;
