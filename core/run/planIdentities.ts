import type { ChainAdapter, Identity } from '../adapter/ChainAdapter.ts';
import { ConfigError } from '../errors/ConfigError.ts';
import type { RunPlan } from './RunPlanSchema.ts';

/**
 * The identities of one role of the plan (a step's account, a shard's senders), derived from the
 * run id and role, so every runtime that executes the plan gets the same ones without passing keys.
 */
export function planIdentities(plan: RunPlan, role: string, adapter: ChainAdapter): Identity[] {
  const account = plan.accounts.find((a) => a.role === role);
  if (!account)
    throw new ConfigError(`run ${plan.runId} plans no account for role "${role}" (a harness bug)`);
  if (!adapter.identities) {
    throw new ConfigError(
      `adapter "${adapter.info.family}" cannot sign (no tx.clientSign), yet the plan gives role "${role}" accounts`,
    );
  }
  return adapter.identities.derive(account.seed, account.count);
}
