import { ConfigError } from '#core/errors/ConfigError.ts';
import type { RunPlan } from '#core/run/RunPlanSchema.ts';
import type { StepDeps } from '#core/run/StepDeps.ts';
import { registry } from '#registry/index.ts';
import { connectTarget } from './connectTarget.ts';
import { createLambdaStore } from './createLambdaStore.ts';
import { logger } from './logger.ts';
import { readLambdaEnv } from './readLambdaEnv.ts';
import type { TargetStepInput } from './TargetStepInputSchema.ts';

/**
 * Builds the core's StepDeps for one Lambda invocation (env → store → the run's plan → adapter),
 * runs `step`, and always closes the adapter. Progress lines go to the log with the run id attached.
 */
export async function withTargetStep<T>(
  input: TargetStepInput,
  step: (plan: RunPlan, deps: StepDeps) => Promise<T>,
): Promise<T> {
  const env = readLambdaEnv();
  const store = createLambdaStore(env);
  const stored = await store.getRun(input.runId);
  if (!stored)
    throw new ConfigError(`run ${input.runId} has no record in the store; the plan step must run first`);
  const adapter = await connectTarget(input.target, env);
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
}
