import { z } from 'zod';
import { maxShardCount } from '../shared/RunInputSchema.ts';
import { TargetStepInputSchema } from '../shared/TargetStepInputSchema.ts';

/** One item of the load Map: plan's output plus this shard's index (`$$.Map.Item.Value`). */
export const LoadShardInputSchema = TargetStepInputSchema.extend({
  shardIndex: z.number().int().nonnegative(),
  shardCount: z.number().int().min(1).max(maxShardCount),
}).refine((input) => input.shardIndex < input.shardCount, {
  message: 'shardIndex must be below shardCount',
  path: ['shardIndex'],
});
export type LoadShardInput = z.output<typeof LoadShardInputSchema>;

export interface LoadShardOutput {
  readonly runId: string;
  readonly shardIndex: number;
}
