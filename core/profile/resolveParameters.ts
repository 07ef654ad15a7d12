import { ConfigError } from '../errors/ConfigError.ts';
import type { ResolvedProfile } from './resolveProfile.ts';

export interface EffectiveParameters {
  /** Every parameter the run's checks read: the profile's default unless overridden. Unset ones are absent. */
  readonly values: Readonly<Record<string, unknown>>;
  /** Names whose value differs from the profile's default, in profile order. */
  readonly overridden: readonly string[];
}

/**
 * The parameter values of a run: the profile's defaults with the operator's overrides on top, each
 * validated by the schema of the check that reads it. An unknown name or a bad value is one line
 * naming the parameter, the value received and what is allowed.
 */
export function resolveParameters(
  resolved: ResolvedProfile,
  overrides: Readonly<Record<string, unknown>>,
): EffectiveParameters {
  const known = [...resolved.parameters.keys()];
  for (const name of Object.keys(overrides)) {
    if (!resolved.parameters.has(name)) {
      throw new ConfigError(
        `unknown parameter "${name}" for profile ${resolved.profile.id}; known parameters: ${known.join(', ')}`,
      );
    }
  }
  const values: Record<string, unknown> = {};
  const overridden: string[] = [];
  for (const [name, definition] of resolved.parameters) {
    const fromProfile = resolved.profile.parameters[name]?.default;
    const given = Object.hasOwn(overrides, name) ? overrides[name] : fromProfile;
    if (given === undefined) continue;
    const parsed = definition.schema.safeParse(given);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(
        `parameter ${name}: ${issue?.message ?? 'invalid value'} (got ${describe(given)}); ${definition.description}`,
      );
    }
    values[name] = parsed.data;
    if (JSON.stringify(parsed.data) !== JSON.stringify(fromProfile)) overridden.push(name);
  }
  return { values, overridden };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
