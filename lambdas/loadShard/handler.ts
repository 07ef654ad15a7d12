import { executeLoadShard, planScenario } from '#core/run/executeLoadShard.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import { withTargetStep } from '../shared/withTargetStep.ts';
import { LoadShardInputSchema, type LoadShardOutput } from './schema.ts';

/**
 * Runs one shard of a planned load scenario, starting its sends at the common start time; its raw
 * counts and histograms go to the store for finalize to merge.
 */
export async function handler(event: unknown): Promise<LoadShardOutput> {
  logger.resetKeys();
  const input = parseEvent(LoadShardInputSchema, event, 'loadShard');
  logger.appendKeys({
    runId: input.runId,
    step: 'loadShard',
    scenario: input.scenario,
    shardIndex: input.shardIndex,
  });
  await withTargetStep(input, (plan, deps) => {
    const { planned } = planScenario(plan, input.scenario, deps);
    const startAtMs = Date.parse(input.loadStartedAt) + planned.startDelayMs;
    return executeLoadShard(plan, input.scenario, input.shardIndex, startAtMs, deps);
  });
  return { runId: input.runId, scenario: input.scenario, shardIndex: input.shardIndex };
}
