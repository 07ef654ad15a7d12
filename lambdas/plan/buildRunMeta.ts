import type { TargetInfo } from '#core/adapter/TargetInfo.ts';
import { harnessVersion } from '#core/harnessVersion.ts';
import type { ProfileParameters } from '#core/profile/ProfileParametersSchema.ts';
import type { Profile } from '#core/profile/ProfileSchema.ts';
import type { RunMeta } from '#core/run/RunMetaSchema.ts';
import { stepNames } from '#core/run/steps.ts';

export interface BuildRunMetaParameters {
  readonly runId: string;
  readonly profile: Pick<Profile, 'id' | 'version'>;
  readonly target: TargetInfo;
  readonly parameters: ProfileParameters;
  readonly startedAt: Date;
}

/**
 * The record written before any suite runs, so a run that later fails still exists and is
 * finalized as incomplete (core/run/RunMetaSchema.ts). Every planned step is listed.
 */
export function buildRunMeta({
  runId,
  profile,
  target,
  parameters,
  startedAt,
}: BuildRunMetaParameters): RunMeta {
  return {
    runId,
    status: 'running',
    startedAt: startedAt.toISOString(),
    harnessVersion,
    profile: { id: profile.id, version: profile.version },
    target,
    parameters,
    plannedSteps: [...stepNames],
  };
}
