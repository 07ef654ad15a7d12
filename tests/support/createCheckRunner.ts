import { randomBytes } from 'node:crypto';
import type { ChainAdapter, Identity } from '#core/adapter/ChainAdapter.ts';
import type { AdapterWith } from '#core/checks/AdapterWith.ts';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { fundIdentities } from '#core/run/fundIdentities.ts';
import { createFixtureCache, runCheck } from '#core/run/runCheck.ts';
import { resolveTestProfile } from './resolveTestProfile.ts';

export interface CheckRunner {
  /** The funded account the checks send from (the step account of a real run). */
  readonly account: Identity | undefined;
  /**
   * Runs one registered check with the profile's parameters (plus `overrides`) and fresh fixtures,
   * exactly as a step would run it.
   */
  run(checkId: string, overrides?: Readonly<Record<string, unknown>>): Promise<CheckResult>;
}

export interface CheckRunnerOptions {
  /** @default 'jrt-0193-2020' */
  readonly profile?: string;
  /** Parameter overrides for every run of this runner. */
  readonly parameters?: Readonly<Record<string, unknown>>;
  /**
   * Transactions the account is funded for (transfers at the chain's fees). @default 200
   */
  readonly fundedTransactions?: number;
}

/**
 * For e2e tests of single checks against a real chain (and the fault proxy): a step account derived
 * and funded as a run's would be, and `run(checkId)` through the same runCheck the steps use.
 */
export async function createCheckRunner(
  adapter: ChainAdapter,
  options: CheckRunnerOptions = {},
): Promise<CheckRunner> {
  const { resolved, requirements } = resolveTestProfile(options.profile, options.parameters);
  let account: Identity | undefined;
  if (adapter.identities) {
    [account] = adapter.identities.derive(`e2e/${randomBytes(4).toString('hex')}`, 1);
    if (account && adapter.capabilities.has('account.fund')) {
      const funded = adapter as AdapterWith<'account.fund'>;
      const amount = await funded.accounts.quote([
        { kind: 'call', count: options.fundedTransactions ?? 200 },
      ]);
      await fundIdentities(funded, funded.identities.primary, [{ identity: account, amount }], {
        timeoutMs: 30_000,
      });
    }
  }
  return {
    account,
    async run(checkId, overrides = {}) {
      const check = resolved.checks.find((c) => c.id === checkId);
      if (!check) throw new Error(`check ${checkId} is not in profile ${resolved.profile.id}`);
      const { values } = resolveTestProfile(options.profile, { ...options.parameters, ...overrides });
      return runCheck(check, {
        adapter,
        params: values,
        requirements,
        account,
        fixtures: createFixtureCache(),
        progress: () => {},
        signal: new AbortController().signal,
      });
    },
  };
}
