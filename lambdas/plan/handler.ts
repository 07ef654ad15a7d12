import { jrt0193Profile } from '#conformance/profile/jrt0193Profile.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import { readLambdaEnv } from '../shared/readLambdaEnv.ts';
import type { TargetStepInput } from '../shared/TargetStepInputSchema.ts';
import { withTargetStep } from '../shared/withTargetStep.ts';
import { assertLoadFitsShardTimeout } from './assertLoadFitsShardTimeout.ts';
import { buildRunMeta } from './buildRunMeta.ts';
import { PlanInputSchema, type PlanOutput } from './schema.ts';

/**
 * First state of a cloud run: validates the input, refuses private targets, fingerprints the
 * target and writes the run meta, so every later failure leaves a run to finalize as incomplete.
 */
export async function handler(event: unknown): Promise<PlanOutput> {
  logger.resetKeys();
  const input = parseEvent(PlanInputSchema, event, 'plan');
  logger.appendKeys({ runId: input.runId, step: 'plan' });

  const { loadShardTimeoutS } = readLambdaEnv();
  if (loadShardTimeoutS === undefined)
    throw new ConfigError('the plan Lambda lacks the load-shard timeout; redeploy the chaineval stack');
  assertLoadFitsShardTimeout(input.parameters, loadShardTimeoutS);

  const step: TargetStepInput = {
    runId: input.runId,
    target: {
      url: input.targetUrl,
      keySecretId: input.keySecretId,
      ...(input.cryptoSuite === undefined ? {} : { cryptoSuite: input.cryptoSuite }),
    },
    parameters: input.parameters,
  };
  await withTargetStep(step, async ({ adapter, store }) => {
    await store.putRun(
      buildRunMeta({
        runId: input.runId,
        profile: jrt0193Profile,
        target: adapter.info,
        parameters: input.parameters,
        startedAt: new Date(),
      }),
    );
    logger.info('run planned', {
      chainId: adapter.info.chainId,
      clientVersion: adapter.info.clientVersion,
      shardCount: input.shardCount,
    });
  });
  return {
    ...step,
    shardCount: input.shardCount,
    shards: Array.from({ length: input.shardCount }, (_, i) => i),
  };
}
