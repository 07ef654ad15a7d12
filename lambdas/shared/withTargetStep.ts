import type { StepDeps } from '#core/run/steps.ts';
import { connectTarget } from './connectTarget.ts';
import { createLambdaStore } from './createLambdaStore.ts';
import { logger } from './logger.ts';
import { readLambdaEnv } from './readLambdaEnv.ts';
import type { TargetStepInput } from './TargetStepInputSchema.ts';

/**
 * Builds the core's StepDeps for one Lambda invocation (env → store → adapter), runs `step`, and
 * always closes the adapter. Progress lines go to the log with the run id attached.
 */
export async function withTargetStep<T>(
  input: TargetStepInput,
  step: (deps: StepDeps) => Promise<T>,
): Promise<T> {
  const env = readLambdaEnv();
  const adapter = await connectTarget(input.target, env);
  try {
    return await step({
      runId: input.runId,
      adapter,
      store: createLambdaStore(env),
      params: input.parameters,
      progress: (line) => logger.info(line),
    });
  } finally {
    await adapter.close();
  }
}
