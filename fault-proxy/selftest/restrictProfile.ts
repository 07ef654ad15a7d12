import type { AnyParameter } from '#core/checks/defineParameter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { Profile } from '#core/profile/ProfileSchema.ts';
import type { Registry } from '#core/registry/Registry.ts';
import { runParameters } from '#core/run/runParameters.ts';

/**
 * The profile cut down to `checkIds` (a load check brings its whole scenario), with only the
 * parameters those checks read: what the selftest plans under one fault. Clauses stay as they are, so
 * the verdict of every kept check is computed exactly as in a full run.
 */
export function restrictProfile(profile: Profile, checkIds: readonly string[], registry: Registry): Profile {
  const wanted = new Set<string>();
  const read = new Set<string>(runParameters.map((p) => p.name));
  const addAll = (list: readonly AnyParameter[]) => {
    for (const p of list) read.add(p.name);
  };
  for (const id of checkIds) {
    if (profile.checks[id] === undefined)
      throw new ConfigError(
        `check "${id}" is not in profile ${profile.id}; the selftest runs the profile's checks`,
      );
    const check = registry.checks.find((c) => c.id === id);
    if (check) {
      wanted.add(id);
      addAll(check.parameters);
      for (const fixture of check.fixtures) addAll(fixture.parameters);
      continue;
    }
    const scenario = registry.loadScenarios.find((s) => s.checks.some((c) => c.id === id));
    if (!scenario) throw new ConfigError(`check "${id}" is not registered`);
    for (const c of scenario.checks) if (profile.checks[c.id] !== undefined) wanted.add(c.id);
    addAll(scenario.parameters);
  }
  return {
    ...profile,
    checks: Object.fromEntries(Object.entries(profile.checks).filter(([id]) => wanted.has(id))),
    parameters: Object.fromEntries(Object.entries(profile.parameters).filter(([name]) => read.has(name))),
  };
}
