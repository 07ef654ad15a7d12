import type { Capability } from '../adapter/Capability.ts';
import type { CheckMeta } from '../checks/CheckMetaSchema.ts';
import type { AnyCheck } from '../checks/defineCheck.ts';
import type { AnyLoadScenario } from '../checks/defineLoadScenario.ts';
import type { AnyParameter } from '../checks/defineParameter.ts';
import { ConfigError } from '../errors/ConfigError.ts';
import type { Registry } from '../registry/Registry.ts';
import { runParameters } from '../run/runParameters.ts';
import type { Profile } from './ProfileSchema.ts';
import { profileDigest } from './profileDigest.ts';

/** A load scenario the profile runs, with the ids of its checks. */
export interface ResolvedScenario {
  readonly scenario: AnyLoadScenario;
  readonly checkIds: readonly string[];
}

/** A profile joined with the registry: the executable form of the data in profiles/<id>/. */
export interface ResolvedProfile {
  readonly profile: Profile;
  readonly digest: string;
  /** Conformance and property checks, in the profile's order. */
  readonly checks: readonly AnyCheck[];
  readonly scenarios: readonly ResolvedScenario[];
  /** Every parameter the profile's checks, fixtures and scenarios read, by name. */
  readonly parameters: ReadonlyMap<string, AnyParameter>;
  /** What the report says about each check, in the profile's order. */
  readonly checkMeta: readonly CheckMeta[];
}

/** Finds a profile of the registry by id, with an error that lists the known ones. */
export function findProfile(registry: Registry, profileId: string): Profile {
  const profile = registry.profiles.find((p) => p.id === profileId);
  if (!profile) {
    throw new ConfigError(
      `unknown profile "${profileId}"; known profiles: ${registry.profiles.map((p) => p.id).join(', ')}`,
    );
  }
  return profile;
}

/**
 * Joins a profile with the registry and checks they fit: every mapped check exists, a load
 * scenario is mapped whole or not at all, every parameter read is supplied by the profile and
 * nothing else is, and one name never means two definitions. A misfit is a ConfigError naming it.
 */
export function resolveProfile(profile: Profile, registry: Registry): ResolvedProfile {
  const where = `profile ${profile.id}@${profile.version}`;
  const checks: AnyCheck[] = [];
  const scenarios = new Map<AnyLoadScenario, string[]>();
  const metas: CheckMeta[] = [];
  const parameters = new Map<string, AnyParameter>();
  const addParameters = (list: readonly AnyParameter[], user: string) => {
    for (const p of list) {
      const known = parameters.get(p.name);
      if (known && known !== p) {
        throw new ConfigError(
          `${where}: parameter "${p.name}" read by ${user} has two definitions; share one defineParameter`,
        );
      }
      parameters.set(p.name, p);
    }
  };

  addParameters(runParameters, 'the run');
  for (const [checkId, clauseIds] of Object.entries(profile.checks)) {
    const check = registry.checks.find((c) => c.id === checkId);
    if (check) {
      checks.push(check);
      addParameters(check.parameters, `check ${check.id}`);
      for (const fixture of check.fixtures) addParameters(fixture.parameters, `fixture ${fixture.id}`);
      metas.push(metaOf(check, check.kind, check.requires, check.parameters, clauseIds));
      continue;
    }
    const scenario = registry.loadScenarios.find((s) => s.checks.some((c) => c.id === checkId));
    const loadCheck = scenario?.checks.find((c) => c.id === checkId);
    if (!scenario || !loadCheck) {
      throw new ConfigError(`${where} maps check "${checkId}", which the registry does not hold`, {
        details:
          'Register the check in registry/checks.ts (or its load scenario in registry/loadScenarios.ts).',
      });
    }
    scenarios.set(scenario, [...(scenarios.get(scenario) ?? []), checkId]);
    addParameters(scenario.parameters, `load scenario ${scenario.name}`);
    metas.push(metaOf(loadCheck, 'load', scenario.requires, scenario.parameters, clauseIds));
  }
  for (const [scenario, ids] of scenarios) {
    const unmapped = scenario.checks.filter((c) => !ids.includes(c.id)).map((c) => c.id);
    if (unmapped.length > 0) {
      throw new ConfigError(
        `${where} maps only some checks of load scenario ${scenario.name}; map ${unmapped.join(', ')} too (a scenario runs whole)`,
      );
    }
  }

  const supplied = new Set(Object.keys(profile.parameters));
  const missing = [...parameters.keys()].filter((name) => !supplied.has(name));
  if (missing.length > 0) {
    throw new ConfigError(
      `${where} gives no value for parameter(s) ${missing.join(', ')} that its checks read`,
      {
        details: 'Add them to "parameters" in profiles/<id>/profile.json with a default and its source.',
      },
    );
  }
  const unread = [...supplied].filter((name) => !parameters.has(name));
  if (unread.length > 0) {
    throw new ConfigError(`${where} sets parameter(s) ${unread.join(', ')} that none of its checks reads`);
  }
  for (const [name, definition] of parameters) {
    const value = profile.parameters[name];
    for (const field of ['default', 'requirement'] as const) {
      if (value?.[field] === undefined) continue;
      const parsed = definition.schema.safeParse(value[field]);
      if (!parsed.success) {
        throw new ConfigError(
          `${where}: the ${field} of parameter "${name}" is invalid: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
      }
    }
  }

  return {
    profile,
    digest: profileDigest(profile),
    checks,
    scenarios: [...scenarios].map(([scenario, checkIds]) => ({ scenario, checkIds })),
    parameters,
    checkMeta: metas,
  };
}

function metaOf(
  check: Pick<CheckMeta, 'id' | 'catalogueId' | 'title' | 'description' | 'failsWhen'> & {
    readonly faults: readonly string[];
  },
  kind: CheckMeta['kind'],
  requires: readonly Capability[],
  parameters: readonly AnyParameter[],
  clauseIds: readonly string[],
): CheckMeta {
  return {
    id: check.id,
    catalogueId: check.catalogueId,
    kind,
    title: check.title,
    clauseIds: [...clauseIds],
    requires: [...requires],
    parameters: parameters.map((p) => p.name),
    description: check.description,
    failsWhen: check.failsWhen,
    faults: [...check.faults],
  };
}
