import type { Profile } from './ProfileSchema.ts';

/** The values the profile states the standard requires, for the parameters that have one. */
export function profileRequirements(profile: Profile): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(profile.parameters).flatMap(([name, p]) =>
      p.requirement === undefined ? [] : [[name, p.requirement]],
    ),
  );
}
