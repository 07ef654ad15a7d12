import { ConfigError } from '#core/errors/ConfigError.ts';
import { planRun } from '#core/run/planRun.ts';
import type { RunPlan } from '#core/run/RunPlanSchema.ts';
import type { RunRequest } from '#core/run/RunRequestSchema.ts';
import { registry } from '#registry/index.ts';
import { assertLoadFitsShardTimeout } from '../plan/assertLoadFitsShardTimeout.ts';
import type { LambdaEnv } from './readLambdaEnv.ts';

/**
 * Time a load shard Lambda may need from the Map's start to being ready: a cold start, connecting
 * to the target, reading its nonces. Added to the scenario's pre-signing time in the common start.
 * The stack sets it (ChainevalStackProps.loadShardStartAllowance); this is its default.
 */
export const cloudShardStartAllowanceMs = 30_000;

/**
 * The core's planRun with the cloud's limits (shards the Map runs at once, the load-shard timeout),
 * so the API refuses with one line exactly what the plan step would refuse after the run was
 * accepted. A bad profile, parameter or shard count is a ConfigError. Any number of load scenarios
 * is fine: the state machine runs them one after another, as the CLI does.
 */
export function planCloudRun(request: RunRequest, env: LambdaEnv): RunPlan {
  if (env.loadShardTimeoutS === undefined || env.loadMaxConcurrency === undefined) {
    throw new ConfigError('this Lambda lacks the load-shard settings; redeploy the chaineval stack');
  }
  const plan = planRun(request, registry, {
    maxConcurrentShards: env.loadMaxConcurrency,
    shardStartAllowanceMs: env.loadShardStartAllowanceMs ?? cloudShardStartAllowanceMs,
  });
  assertLoadFitsShardTimeout(plan, env.loadShardTimeoutS);
  return plan;
}
