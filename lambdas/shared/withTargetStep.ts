import { ConfigError } from '#core/errors/ConfigError.ts';
import type { RunPlan } from '#core/run/RunPlanSchema.ts';
import type { StepDeps } from '#core/run/StepDeps.ts';
import { registry } from '#registry/index.ts';
import { connectTarget } from './connectTarget.ts';
import { createLambdaStore } from './createLambdaStore.ts';
import { logger } from './logger.ts';
import { readLambdaEnv } from './readLambdaEnv.ts';
import { readTargetUrl } from './readTargetUrl.ts';
import type { TargetStepInput } from './TargetStepInputSchema.ts';
import { withSecretScrubbing } from './withSecretScrubbing.ts';

/**
 * Builds the core's StepDeps for one Lambda invocation (env → store → the run's plan → adapter),
 * runs `step`, and always closes the adapter. Progress lines go to the log with the run id attached.
 * The target URL is read first from the secret the target reference names (readTargetUrl), so its
 * secrets are masked in what the step stores, logs and fails with (withSecretScrubbing).
 */
export async function withTargetStep<T>(
  input: TargetStepInput,
  step: (plan: RunPlan, deps: StepDeps) => Promise<T>,
): Promise<T> {
  const env = readLambdaEnv();
  const url = await readTargetUrl(input.target.urlSecretId, env);
  return withSecretScrubbing([url], async () => {
    const store = createLambdaStore(env, [url]);
    const stored = await store.getRun(input.runId);
    if (!stored)
      throw new ConfigError(`run ${input.runId} has no record in the store; the plan step must run first`);
    const adapter = await connectTarget(url, input.target, env);
    try {
      return await step(stored.meta.plan, {
        adapter,
        store,
        registry,
        progress: (line: string) => logger.info(line),
      });
    } finally {
      await adapter.close();
    }
  });
}
