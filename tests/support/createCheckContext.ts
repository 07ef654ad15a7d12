import type { Capability } from '#core/adapter/Capability.ts';
import type { ChainAdapter, Identity } from '#core/adapter/ChainAdapter.ts';
import type { AnyCheck, CheckContext, CheckDefinition } from '#core/checks/defineCheck.ts';
import type { AnyParameter } from '#core/checks/defineParameter.ts';
import { checkContextOf, createFixtureCache } from '#core/run/runCheck.ts';
import { resolveTestProfile } from './resolveTestProfile.ts';

export interface CheckContextOptions {
  /**
   * The step account the check sends from, e.g. `createCheckRunner(...).account` (already funded).
   * Required when the check signs (`tx.clientSign`).
   */
  readonly account: Identity | undefined;
  /** @default 'jrt-0193-2020' */
  readonly profile?: string;
  /** Parameter overrides, validated against the profile as a run's are. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /** @default - discard */
  readonly progress?: (line: string) => void;
}

/**
 * The typed context a check's `run` receives, built by the same checkContextOf a step uses, for e2e
 * tests that call a check's own functions with options a step never passes (e.g. the replay of a
 * recorded counterexample). Verdicts of whole checks come from `createCheckRunner(...).run(id)`.
 */
export function createCheckContext<C extends Capability, P extends readonly AnyParameter[]>(
  check: CheckDefinition<C, P>,
  adapter: ChainAdapter,
  options: CheckContextOptions,
): CheckContext<C, P> {
  const { resolved, values, requirements } = resolveTestProfile(options.profile, options.parameters);
  if (!resolved.checks.some((c) => c.id === check.id)) {
    throw new Error(`check ${check.id} is not in profile ${resolved.profile.id}`);
  }
  const missing = check.requires.filter((c) => !adapter.capabilities.has(c));
  if (missing.length > 0) throw new Error(`adapter "${adapter.info.family}" lacks ${missing.join(', ')}`);
  if (check.requires.includes('tx.clientSign' as C) && options.account === undefined) {
    throw new Error(`check ${check.id} signs transactions; pass the funded step account`);
  }
  return checkContextOf(check as unknown as AnyCheck, {
    adapter,
    params: values,
    requirements,
    account: options.account,
    fixtures: createFixtureCache(),
    progress: options.progress ?? (() => {}),
    signal: new AbortController().signal,
  }) as CheckContext<C, P>;
}
