import { ConfigError } from '#core/errors/ConfigError.ts';
import { planRun } from '#core/run/planRun.ts';
import { prepareRun } from '#core/run/prepareRun.ts';
import { registry } from '#registry/index.ts';
import { connectTarget } from '../shared/connectTarget.ts';
import { createLambdaStore } from '../shared/createLambdaStore.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import { readLambdaEnv } from '../shared/readLambdaEnv.ts';
import type { TargetRef } from '../shared/TargetRefSchema.ts';
import { assertLoadFitsShardTimeout } from './assertLoadFitsShardTimeout.ts';
import { PlanInputSchema, type PlanOutput } from './schema.ts';

/**
 * Time a load shard Lambda may need from the Map's start to being ready: a cold start, connecting
 * to the target, reading its nonces. Added to the scenario's pre-signing time in the common start.
 */
export const cloudShardStartAllowanceMs = 30_000;

/**
 * First state of a cloud run: the same planRun the CLI calls (refusing a bad profile, parameter or
 * shard count before anything runs), then prepareRun: refuses private targets, fingerprints the
 * target, stores the run record with its plan and funds every account the plan names, so the
 * suites that follow may run in parallel.
 */
export async function handler(event: unknown): Promise<PlanOutput> {
  logger.resetKeys();
  const input = parseEvent(PlanInputSchema, event, 'plan');
  logger.appendKeys({ runId: input.runId, step: 'plan' });

  const env = readLambdaEnv();
  if (env.loadShardTimeoutS === undefined || env.loadMaxConcurrency === undefined) {
    throw new ConfigError('the plan Lambda lacks the load-shard settings; redeploy the chaineval stack');
  }
  const plan = planRun(input, registry, {
    maxConcurrentShards: env.loadMaxConcurrency,
    shardStartAllowanceMs: cloudShardStartAllowanceMs,
  });
  assertLoadFitsShardTimeout(plan, env.loadShardTimeoutS);
  const load = plan.steps.find((s) => s.kind === 'load');
  if (load?.kind === 'load' && load.scenarios.length > 1) {
    throw new ConfigError(
      `profile ${plan.profile.id} plans ${load.scenarios.length} load scenarios; the cloud runtime runs one per run for now, so run the others from the CLI`,
    );
  }

  const target: TargetRef = {
    url: input.targetUrl,
    keySecretId: input.keySecretId,
    ...(input.cryptoSuite === undefined ? {} : { cryptoSuite: input.cryptoSuite }),
  };
  const adapter = await connectTarget(target, env);
  try {
    await prepareRun(plan, { adapter, store: createLambdaStore(env), progress: (line) => logger.info(line) });
    logger.info('run planned', {
      chainId: adapter.info.chainId,
      clientVersion: adapter.info.clientVersion,
      steps: plan.steps.map((s) => s.id),
    });
  } finally {
    await adapter.close();
  }
  return {
    runId: plan.runId,
    target,
    loadShards:
      load?.kind === 'load'
        ? load.scenarios.flatMap((s) =>
            Array.from({ length: s.shardCount }, (_, shardIndex) => ({ scenario: s.name, shardIndex })),
          )
        : [],
  };
}
