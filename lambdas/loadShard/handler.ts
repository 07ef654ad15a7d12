import { runLoadShardStep } from '#core/run/steps.ts';
import { transferLoadScenario } from '#load/transferLoadScenario.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import { withTargetStep } from '../shared/withTargetStep.ts';
import { LoadShardInputSchema, type LoadShardOutput } from './schema.ts';

/** Runs one shard of the load scenario; its raw counts and histograms go to the store for finalize to merge. */
export async function handler(event: unknown): Promise<LoadShardOutput> {
  logger.resetKeys();
  const input = parseEvent(LoadShardInputSchema, event, 'loadShard');
  logger.appendKeys({ runId: input.runId, step: 'loadShard', shardIndex: input.shardIndex });
  await withTargetStep(input, (deps) =>
    runLoadShardStep(transferLoadScenario, input.shardIndex, input.shardCount, deps),
  );
  return { runId: input.runId, shardIndex: input.shardIndex };
}
