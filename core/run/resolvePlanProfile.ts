import { ConfigError } from '../errors/ConfigError.ts';
import { findProfile, type ResolvedProfile, resolveProfile } from '../profile/resolveProfile.ts';
import type { Registry } from '../registry/Registry.ts';
import type { RunPlan } from './RunPlanSchema.ts';

/**
 * The profile a plan was made with, resolved against this harness's registry. A step or finalize
 * running a different profile content than the plan (a harness upgraded mid-run, say) is refused:
 * the report would mix two profiles under one digest.
 */
export function resolvePlanProfile(plan: RunPlan, registry: Registry): ResolvedProfile {
  const resolved = resolveProfile(findProfile(registry, plan.profile.id), registry);
  if (resolved.digest !== plan.profile.digest) {
    throw new ConfigError(
      `profile ${plan.profile.id} changed since run ${plan.runId} was planned (${plan.profile.digest} → ${resolved.digest}); rerun the evaluation`,
    );
  }
  return resolved;
}
