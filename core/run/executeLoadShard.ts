import type { AdapterWith } from '../checks/AdapterWith.ts';
import type { AnyLoadScenario } from '../checks/defineLoadScenario.ts';
import { ConfigError } from '../errors/ConfigError.ts';
import { planIdentities } from './planIdentities.ts';
import type { LoadScenarioPlan, RunPlan } from './RunPlanSchema.ts';
import { resolvePlanProfile } from './resolvePlanProfile.ts';
import type { StepDeps } from './StepDeps.ts';

/** The scenario of the plan's load step named `name`, with its definition. */
export function planScenario(
  plan: RunPlan,
  name: string,
  deps: Pick<StepDeps, 'registry'>,
): { readonly planned: LoadScenarioPlan; readonly scenario: AnyLoadScenario } {
  const step = plan.steps.find((s) => s.kind === 'load');
  const planned = step?.kind === 'load' ? step.scenarios.find((s) => s.name === name) : undefined;
  const scenario = resolvePlanProfile(plan, deps.registry).scenarios.find(
    (s) => s.scenario.name === name,
  )?.scenario;
  if (!planned || !scenario) throw new ConfigError(`run ${plan.runId} plans no load scenario "${name}"`);
  return { planned, scenario };
}

/**
 * Runs one shard of a planned load scenario with the shard's own funded senders, starting its sends
 * at `startAtMs` (the one start time of every shard), and stores its raw counts for finalize to
 * merge. When the adapter lacks what the scenario needs, its checks are stored as skipped instead.
 */
export async function executeLoadShard(
  plan: RunPlan,
  scenarioName: string,
  shardIndex: number,
  startAtMs: number,
  deps: StepDeps,
): Promise<void> {
  const { planned, scenario } = planScenario(plan, scenarioName, deps);
  const senderRole = planned.senderRoles[shardIndex];
  if (senderRole === undefined) {
    throw new ConfigError(
      `shard ${shardIndex} of ${scenarioName} does not exist; the plan has ${planned.shardCount}`,
    );
  }
  const missing = scenario.requires.filter((c) => !deps.adapter.capabilities.has(c));
  if (missing.length > 0) {
    const startedAt = new Date().toISOString();
    for (const check of scenario.checks) {
      await deps.store.putResult(plan.runId, {
        checkId: check.id,
        kind: 'load',
        status: 'skip',
        skipReason: 'unsupported-capability',
        summary: `adapter "${deps.adapter.info.family}" lacks ${missing.join(', ')}`,
        startedAt,
        durationMs: 0,
      });
    }
    return;
  }
  deps.progress(`[load] ${scenarioName} shard ${shardIndex + 1}/${planned.shardCount} preparing …`);
  const shard = await scenario.runShard({
    adapter: deps.adapter as AdapterWith<never>,
    params: plan.parameters,
    shardIndex,
    shardCount: planned.shardCount,
    senders: planIdentities(plan, senderRole, deps.adapter),
    startAtMs,
    progress: deps.progress,
    signal: deps.signal ?? new AbortController().signal,
  });
  if (deps.signal?.aborted) {
    // A shard cut short measured a load nobody planned: it is not judged (its checks stay unset).
    deps.progress(
      `[load] ${scenarioName} shard ${shardIndex + 1}/${planned.shardCount} interrupted; not judged`,
    );
    return;
  }
  await deps.store.putLoadShard(plan.runId, shard);
  deps.progress(
    `[load] ${scenarioName} shard ${shardIndex + 1}/${planned.shardCount} done: ${shard.committed}/${shard.sent} committed, ${shard.lost} lost`,
  );
}
