import { prepareRun } from '#core/run/prepareRun.ts';
import { connectTarget } from '../shared/connectTarget.ts';
import { createLambdaStore } from '../shared/createLambdaStore.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import { planCloudRun } from '../shared/planCloudRun.ts';
import { readLambdaEnv } from '../shared/readLambdaEnv.ts';
import { readTargetUrl } from '../shared/readTargetUrl.ts';
import type { TargetRef } from '../shared/TargetRefSchema.ts';
import { withSecretScrubbing } from '../shared/withSecretScrubbing.ts';
import { PlanInputSchema, type PlanOutput, PlanOutputSchema } from './schema.ts';

/**
 * First state of a cloud run: the same planRun the CLI calls, with the cloud's limits (planCloudRun:
 * refusing a bad profile, parameter or shard count before anything runs), then prepareRun: refuses private targets, fingerprints the
 * target, stores the run record with its plan and funds every account the plan names, so the
 * suites that follow may run in parallel. Answers the load scenarios in the plan's order, which
 * the state machine runs one after another as the CLI's load step does. The target URL is read from
 * the secret the execution input names (readTargetUrl) and its secrets are masked in what the step
 * stores, logs and fails with (withSecretScrubbing); only the secret's name travels on, in the
 * target reference the next steps connect with.
 */
export async function handler(event: unknown): Promise<PlanOutput> {
  logger.resetKeys();
  const input = parseEvent(PlanInputSchema, event, 'plan');
  logger.appendKeys({ runId: input.runId, step: 'plan' });

  const env = readLambdaEnv();
  // A bad profile, parameter or shard count is refused before the URL is read.
  const plan = planCloudRun(input, env);
  const url = await readTargetUrl(input.targetUrlSecretId, env);
  return withSecretScrubbing([url], async () => {
    const load = plan.steps.find((s) => s.kind === 'load');

    const target: TargetRef = {
      urlSecretId: input.targetUrlSecretId,
      keySecretId: input.keySecretId,
      ...(input.cryptoSuite === undefined ? {} : { cryptoSuite: input.cryptoSuite }),
    };
    const adapter = await connectTarget(url, target, env);
    try {
      await prepareRun(plan, {
        adapter,
        store: createLambdaStore(env, [url]),
        progress: (line) => logger.info(line),
      });
      logger.info('run planned', {
        chainId: adapter.info.chainId,
        clientVersion: adapter.info.clientVersion,
        steps: plan.steps.map((s) => s.id),
      });
    } finally {
      await adapter.close();
    }
    return PlanOutputSchema.parse({
      runId: plan.runId,
      target,
      loadScenarios:
        load?.kind === 'load'
          ? load.scenarios.map((s) => ({
              name: s.name,
              shardIndexes: Array.from({ length: s.shardCount }, (_, shardIndex) => shardIndex),
            }))
          : [],
    });
  });
}
