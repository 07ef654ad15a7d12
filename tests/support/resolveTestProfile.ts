import { profileRequirements } from '#core/profile/profileRequirements.ts';
import { resolveParameters } from '#core/profile/resolveParameters.ts';
import { findProfile, type ResolvedProfile, resolveProfile } from '#core/profile/resolveProfile.ts';
import { registry } from '#registry/index.ts';

export interface TestProfileSettings {
  readonly resolved: ResolvedProfile;
  /** Effective parameter values: the profile's defaults with `overrides` on top, validated. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly requirements: Readonly<Record<string, unknown>>;
}

/** What a step of a run with this profile and these overrides would hand its checks. */
export function resolveTestProfile(
  profileId = 'jrt-0193-2020',
  overrides: Readonly<Record<string, unknown>> = {},
): TestProfileSettings {
  const resolved = resolveProfile(findProfile(registry, profileId), registry);
  return {
    resolved,
    values: resolveParameters(resolved, overrides).values,
    requirements: profileRequirements(resolved.profile),
  };
}
