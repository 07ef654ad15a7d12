import { ConfigError } from '../errors/ConfigError.ts';
import { executeLoadShard } from './executeLoadShard.ts';
import type { RunPlan } from './RunPlanSchema.ts';
import type { StepDeps } from './StepDeps.ts';

/**
 * Block time the embedded chain is switched to while load runs: anvil's automine stalls under
 * sustained load (shared/reference/toolchain.md). External targets' block production is theirs.
 */
export const embeddedLoadBlockTimeS = 1;

/**
 * The load step in one process (the CLI): each planned scenario in turn, all its shards at once
 * with one start time (`startDelayMs` after the scenario begins), exactly as the state machine runs
 * them as Lambdas. On a chain the harness controls, interval mining holds for the whole step and
 * automine comes back whatever happens.
 */
export async function executeLoadStep(
  plan: RunPlan,
  deps: StepDeps,
  now: () => number = Date.now,
): Promise<void> {
  const step = plan.steps.find((s) => s.kind === 'load');
  if (step?.kind !== 'load') throw new ConfigError(`run ${plan.runId} plans no load step`);
  const control = deps.adapter.capabilities.has('control.mining') ? deps.adapter.control : undefined;
  if (control) await control.setIntervalMining(embeddedLoadBlockTimeS);
  try {
    for (const scenario of step.scenarios) {
      if (deps.signal?.aborted) return;
      const startAtMs = now() + scenario.startDelayMs;
      await Promise.all(
        Array.from({ length: scenario.shardCount }, (_, shard) =>
          executeLoadShard(plan, scenario.name, shard, startAtMs, deps),
        ),
      );
    }
  } finally {
    if (control) await control.setAutomine();
  }
}
