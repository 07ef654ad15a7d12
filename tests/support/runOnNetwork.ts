import type { ChainAdapter, Identity } from '#core/adapter/ChainAdapter.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { createFixtureCache, runCheck } from '#core/run/runCheck.ts';
import { resolveTestProfile } from './resolveTestProfile.ts';

/**
 * Runs a check of the jrt-0193-2020 profile over `network` (first endpoint first) exactly as a step
 * with several targets would: the first endpoint is the adapter, all of them the network.
 */
export function runOnNetwork(
  checkId: string,
  network: readonly ChainAdapter[],
  account: Identity | undefined,
  parameters: Record<string, unknown>,
): Promise<CheckResult> {
  const { resolved, values, requirements } = resolveTestProfile('jrt-0193-2020', parameters);
  const check = resolved.checks.find((c) => c.id === checkId);
  if (!check || network[0] === undefined) throw new Error(`check ${checkId} is not in the profile`);
  return runCheck(check, {
    adapter: network[0],
    network,
    params: values,
    requirements,
    account,
    fixtures: createFixtureCache(),
    progress: () => {},
    signal: new AbortController().signal,
  });
}
