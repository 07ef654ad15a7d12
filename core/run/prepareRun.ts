import type { AdapterWith } from '../checks/AdapterWith.ts';
import { harnessVersion } from '../harnessVersion.ts';
import { fundIdentities } from './fundIdentities.ts';
import { planIdentities } from './planIdentities.ts';
import type { RunMeta } from './RunMetaSchema.ts';
import { type RunPlan, toTxBudget } from './RunPlanSchema.ts';
import type { StepDeps } from './StepDeps.ts';

/** Time allowed for the funding transfers to land. */
const fundingTimeoutMs = 60_000;

/**
 * First step of every run, in both runtimes: stores the run record (so a run that later fails is
 * still there to finalize as incomplete) and funds every account the plan names, once, from the
 * operator's account. Afterwards the steps may run in any order or at once.
 */
export async function prepareRun(
  plan: RunPlan,
  deps: Pick<StepDeps, 'adapter' | 'store' | 'progress'>,
  options: { readonly now?: () => Date; readonly owner?: RunMeta['owner'] } = {},
): Promise<RunMeta> {
  const meta: RunMeta = {
    runId: plan.runId,
    status: 'running',
    startedAt: (options.now ?? (() => new Date()))().toISOString(),
    harnessVersion,
    ...(options.owner === undefined ? {} : { owner: options.owner }),
    target: deps.adapter.info,
    plan,
  };
  await deps.store.putRun(meta);

  const { adapter } = deps;
  if (plan.accounts.length === 0 || !adapter.capabilities.has('account.fund')) return meta;
  const funded = adapter as AdapterWith<'account.fund'>;
  const requests = [];
  for (const account of plan.accounts) {
    const amount = await funded.accounts.quote(toTxBudget(account.budget));
    for (const identity of planIdentities(plan, account.role, adapter)) requests.push({ identity, amount });
  }
  deps.progress(`funding ${requests.length} run account(s) from ${funded.identities.primary.address} …`);
  await fundIdentities(funded, funded.identities.primary, requests, { timeoutMs: fundingTimeoutMs });
  return meta;
}
