import { ConfigError } from '#core/errors/ConfigError.ts';
import type { RunPlan } from '#core/run/RunPlanSchema.ts';

/**
 * Time a shard needs beyond its start delay, sending and draining: connecting, writing its result.
 * Generous on purpose: a shard killed by its timeout loses its counts and the whole run ends
 * incomplete.
 */
export const shardSetupAllowanceS = 60;

/**
 * Refuses a plan whose load a load-shard Lambda could not finish within its timeout (Lambda allows
 * 15 minutes at most), before any step runs, instead of after the shards time out.
 */
export function assertLoadFitsShardTimeout(plan: RunPlan, shardTimeoutS: number): void {
  const load = plan.steps.find((s) => s.kind === 'load');
  if (load?.kind !== 'load') return;
  const durationS = Number(plan.parameters.loadDurationS ?? 0);
  const drainS = Number(plan.parameters.loadDrainS ?? 0);
  for (const scenario of load.scenarios) {
    const startS = scenario.startDelayMs / 1_000;
    const neededS = startS + durationS + drainS + shardSetupAllowanceS;
    if (neededS > shardTimeoutS) {
      const maxDurationS = Math.max(0, Math.floor(shardTimeoutS - startS - drainS - shardSetupAllowanceS));
      throw new ConfigError(
        `load scenario ${scenario.name}: start ${Math.ceil(startS)} s + loadDurationS ${durationS} + loadDrainS ${drainS} (+ ${shardSetupAllowanceS} s setup) exceeds the load-shard Lambda timeout of ${shardTimeoutS} s`,
        {
          details: `Lower loadDurationS to at most ${maxDurationS}, use more shards, or run long soak tests from the CLI, which has no time limit.`,
        },
      );
    }
  }
}
