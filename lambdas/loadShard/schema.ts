import { z } from 'zod';
import { maxShardCount } from '#core/run/RunRequestSchema.ts';
import { TargetStepInputSchema } from '../shared/TargetStepInputSchema.ts';

/**
 * One item of the load Map: the run and target, which shard of which planned scenario, and when
 * the Map began (`$$.State.EnteredTime` of the state before it), from which every shard computes the
 * same start time: that moment + the scenario's planned start delay.
 */
export const LoadShardInputSchema = TargetStepInputSchema.extend({
  scenario: z.string().min(1),
  shardIndex: z
    .number()
    .int()
    .nonnegative()
    .max(maxShardCount - 1),
  loadStartedAt: z.iso.datetime(),
});
export type LoadShardInput = z.output<typeof LoadShardInputSchema>;

export interface LoadShardOutput {
  readonly runId: string;
  readonly scenario: string;
  readonly shardIndex: number;
}
