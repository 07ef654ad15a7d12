import type { ChainAdapter } from '../adapter/ChainAdapter.ts';
import type { CheckResult } from '../checks/CheckResultSchema.ts';
import { ConfigError } from '../errors/ConfigError.ts';
import { TargetError } from '../errors/TargetError.ts';
import { profileRequirements } from '../profile/profileRequirements.ts';
import { planIdentities } from './planIdentities.ts';
import type { ChecksStepId, RunPlan } from './RunPlanSchema.ts';
import { resolvePlanProfile } from './resolvePlanProfile.ts';
import { createFixtureCache, runCheck } from './runCheck.ts';
import type { StepDeps } from './StepDeps.ts';
import { TargetLostError } from './TargetLostError.ts';

/**
 * Runs the checks of one step of the plan (conformance, property or disruptive) in order, with the step's own
 * account and fixtures, and stores each verdict as soon as it exists. After an inconclusive verdict
 * the target is probed once: if it no longer answers, the step stops with TargetLostError instead of
 * recording a string of meaningless errors. An interrupt stops it before the next check.
 */
export async function executeChecksStep(
  plan: RunPlan,
  stepId: ChecksStepId,
  deps: StepDeps,
): Promise<CheckResult[]> {
  const step = plan.steps.find((s) => s.kind === 'checks' && s.id === stepId);
  if (step?.kind !== 'checks') throw new ConfigError(`run ${plan.runId} plans no ${stepId} step`);
  const resolved = resolvePlanProfile(plan, deps.registry);
  const checks = step.checkIds.map((id) => {
    const check = resolved.checks.find((c) => c.id === id);
    if (!check)
      throw new ConfigError(`check "${id}" of run ${plan.runId} is not in profile ${plan.profile.id}`);
    return check;
  });
  const account =
    step.accountRole === undefined ? undefined : planIdentities(plan, step.accountRole, deps.adapter)[0];
  const requirements = profileRequirements(resolved.profile);
  const signal = deps.signal ?? new AbortController().signal;
  const fixtures = createFixtureCache();
  const results: CheckResult[] = [];
  for (const [i, check] of checks.entries()) {
    if (signal.aborted) break;
    const at = `[${stepId} ${i + 1}/${checks.length}]`;
    deps.progress(`${at} ${check.catalogueId} ${check.id} …`);
    const result = await runCheck(check, {
      adapter: deps.adapter,
      network: deps.network ?? [deps.adapter],
      params: plan.parameters,
      requirements,
      account,
      fixtures,
      progress: deps.progress,
      signal,
    });
    await deps.store.putResult(plan.runId, result);
    results.push(result);
    deps.progress(`${at} ${check.catalogueId} ${result.status.toUpperCase()}: ${result.summary}`);
    if (result.status === 'error') await assertTargetAlive(deps.adapter, check.id);
  }
  return results;
}

async function assertTargetAlive(adapter: ChainAdapter, afterCheckId: string): Promise<void> {
  try {
    await adapter.ledger.getHeight();
  } catch (error) {
    if (error instanceof TargetError) {
      throw new TargetLostError(
        `target ${adapter.info.endpoint} stopped answering during check "${afterCheckId}"`,
        {
          cause: error,
          endpoint: adapter.info.endpoint,
        },
      );
    }
    throw error;
  }
}
