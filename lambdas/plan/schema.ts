import { z } from 'zod';
import { maxShardCount } from '#core/run/RunRequestSchema.ts';
import { RunInputSchema } from '../shared/RunInputSchema.ts';
import { TargetStepInputSchema } from '../shared/TargetStepInputSchema.ts';

/** plan reads the state machine's execution input as it was given. */
export const PlanInputSchema = RunInputSchema;
export type PlanInput = z.output<typeof PlanInputSchema>;

/**
 * One planned load scenario as the state machine's loop reads it: its name and the index of each of
 * its shards, the items of that scenario's Distributed Map. Indexes rather than whole items keep
 * the state payload small (1,000 shards are 4 KB, well under Step Functions' 256 KB).
 */
export const LoadScenarioItemSchema = z.object({
  name: z.string().min(1),
  shardIndexes: z
    .array(
      z
        .number()
        .int()
        .nonnegative()
        .max(maxShardCount - 1),
    )
    .min(1)
    .max(maxShardCount),
});
export type LoadScenarioItem = z.output<typeof LoadScenarioItemSchema>;

/**
 * plan's answer, kept at `$.plan` by the state machine: the run id and target reference every later
 * step receives, and the plan's load scenarios in the plan's order, which the state machine runs one
 * after another, each with its own start time and Map (empty when the plan has no load).
 */
export const PlanOutputSchema = TargetStepInputSchema.extend({
  loadScenarios: z.array(LoadScenarioItemSchema),
});
export type PlanOutput = z.output<typeof PlanOutputSchema>;
