import { z } from 'zod';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { RunPlan } from '#core/run/RunPlanSchema.ts';
import type { RunRequest } from '#core/run/RunRequestSchema.ts';
import { capacityLoadChecks } from '#load/capacityLoadChecks.ts';

/**
 * `--load <mode>`: which load the run offers. `all` runs every load scenario of the profile (the
 * capacity search only two steps deep, so a run stays short); `capacity` makes the capacity search
 * (PERF-04) the whole load step and lets it search: the operator asked for the chain's capacity.
 */
export const LoadModeSchema = z.enum(['all', 'capacity']);
export type LoadMode = z.infer<typeof LoadModeSchema>;

/** Steps a `--load capacity` search may run unless the operator sets loadCapacityMaxSteps: ≈ 10% precision. */
export const capacitySearchSteps = 8;

export function parseLoadMode(value: string | undefined, skip: readonly string[]): LoadMode {
  if (value === undefined) return 'all';
  const parsed = LoadModeSchema.safeParse(value);
  if (!parsed.success)
    throw new ConfigError(`--load must be one of ${LoadModeSchema.options.join(', ')} (got "${value}")`);
  if (parsed.data !== 'all' && skip.includes('load'))
    throw new ConfigError(
      `--load ${parsed.data} runs a load step that --skip load leaves out; give only one`,
    );
  return parsed.data;
}

/** The request a mode asks for: `capacity` searches `capacitySearchSteps` deep unless told otherwise. */
export function requestForLoadMode(request: RunRequest, mode: LoadMode): RunRequest {
  if (mode !== 'capacity' || Object.hasOwn(request.parameters, 'loadCapacityMaxSteps')) return request;
  return { ...request, parameters: { ...request.parameters, loadCapacityMaxSteps: capacitySearchSteps } };
}

/**
 * The plan a mode asks for: with `capacity`, the load step keeps only the scenario of the capacity
 * check (see keepLoadScenario).
 */
export function planForLoadMode(plan: RunPlan, mode: LoadMode): RunPlan {
  return mode === 'all' ? plan : keepLoadScenario(plan, capacityLoadChecks.capacity.id, `--load ${mode}`);
}

/**
 * The plan with one load scenario, the one holding `checkId`: the other load checks are excluded
 * with `reason` (reported as skipped, never as passed), and their senders are neither derived nor
 * funded. Refused in one line when the profile does not map the check.
 */
export function keepLoadScenario(plan: RunPlan, checkId: string, reason: string): RunPlan {
  const dropped = new Set<string>();
  const excluded = [...plan.excluded];
  const steps = plan.steps.map((step) => {
    if (step.kind !== 'load') return step;
    const kept = step.scenarios.filter((s) => s.checkIds.includes(checkId));
    for (const s of step.scenarios) {
      if (kept.includes(s)) continue;
      for (const role of s.senderRoles) dropped.add(role);
      for (const id of s.checkIds) excluded.push({ checkId: id, kind: 'load', reason });
    }
    return { ...step, scenarios: kept };
  });
  if (!steps.some((s) => s.kind === 'load' && s.scenarios.length > 0)) {
    throw new ConfigError(
      `${reason}: profile ${plan.profile.id} runs no load check ${checkId}; leave ${reason.split(' ')[0]} out, or choose a profile that maps it`,
    );
  }
  return {
    ...plan,
    steps: steps.filter((s) => s.kind !== 'load' || s.scenarios.length > 0),
    excluded,
    accounts: plan.accounts.filter((a) => !dropped.has(a.role)),
  };
}
