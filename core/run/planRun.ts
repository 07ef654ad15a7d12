import type { TxBudget } from '../adapter/ChainAdapter.ts';
import type { AnyCheck } from '../checks/defineCheck.ts';
import type { AnyFixture } from '../checks/defineFixture.ts';
import { ConfigError } from '../errors/ConfigError.ts';
import { resolveParameters } from '../profile/resolveParameters.ts';
import { findProfile, resolveProfile } from '../profile/resolveProfile.ts';
import type { Registry } from '../registry/Registry.ts';
import {
  type AccountPlan,
  type ChecksStepId,
  fromTxBudget,
  type PlanStep,
  type RunPlan,
} from './RunPlanSchema.ts';
import type { RunRequest } from './RunRequestSchema.ts';

export interface PlanRunOptions {
  /**
   * Shards the runtime can run at the same moment (the CLI's in-process limit, the state machine's
   * Map MaxConcurrency). More would run in waves while the report divides by the planned rate, so
   * the plan refuses them.
   */
  readonly maxConcurrentShards: number;
  /**
   * Time a shard needs, beyond pre-signing, from the start of the load step to being ready (process
   * or Lambda start, connecting). @default 2_000
   */
  readonly shardStartAllowanceMs?: number;
}

/**
 * The run plan (DESIGN.md "One run plan"): the profile resolved against the registry, the effective
 * parameters, the ordered steps, and the accounts to fund before any step runs. Pure: the same
 * request and registry give the same plan in the CLI and in the Plan Lambda.
 */
export function planRun(request: RunRequest, registry: Registry, options: PlanRunOptions): RunPlan {
  const resolved = resolveProfile(findProfile(registry, request.profile), registry);
  const { values, overridden } = resolveParameters(resolved, request.parameters);
  const known = Object.keys(resolved.profile.evidence);
  const seen = new Set<string>();
  for (const [i, a] of request.attestations.entries()) {
    if (!known.includes(a.item)) {
      throw new ConfigError(
        `evidence entry ${i + 1} names item "${a.item}", which profile ${resolved.profile.id} does not ask for; known items: ${known.join(', ') || 'none'}`,
      );
    }
    if (seen.has(a.item))
      throw new ConfigError(`evidence item "${a.item}" is attested twice (entry ${i + 1}); give it once`);
    seen.add(a.item);
  }
  const skip = new Set(request.skip);
  const shardCount = request.loadShards;
  if (shardCount > options.maxConcurrentShards) {
    throw new ConfigError(
      `${shardCount} load shards cannot all run at once here (at most ${options.maxConcurrentShards}); lower the shard count`,
      {
        details:
          'Shards that wait for others would send late while the report divides by the planned rate; the plan refuses them.',
      },
    );
  }
  // biome-ignore lint/suspicious/noExplicitAny: parameter values were validated by their schemas above.
  const params = values as any;
  const steps: PlanStep[] = [];
  const accounts: AccountPlan[] = [];
  const excluded: RunPlan['excluded'] = [];
  const account = (role: string, count: number, budget: TxBudget): string => {
    accounts.push({ role, seed: `${request.runId}/${role}`, count, budget: fromTxBudget(budget) });
    return role;
  };

  // Checks that may stop the node run last, in their own step (after the load): see `disruptive`.
  const disruptive: AnyCheck[] = [];
  const addChecksStep = (id: ChecksStepId, checks: readonly AnyCheck[]) => {
    if (checks.length === 0) return;
    const budget = stepBudget(checks, params);
    const signs = checks.some((c) => c.requires.includes('tx.clientSign'));
    steps.push({
      kind: 'checks',
      id,
      checkIds: checks.map((c) => c.id),
      ...(signs ? { accountRole: account(id, 1, budget) } : {}),
    });
  };
  for (const kind of ['conformance', 'property'] as const) {
    const checks = resolved.checks.filter((c) => c.kind === kind);
    if (checks.length === 0) continue;
    if (kind !== 'conformance' && skip.has(kind)) {
      for (const c of checks) excluded.push({ checkId: c.id, kind, reason: `--skip ${kind}` });
      continue;
    }
    disruptive.push(...checks.filter((c) => c.disruptive));
    addChecksStep(
      kind,
      checks.filter((c) => !c.disruptive),
    );
  }

  if (resolved.scenarios.length > 0) {
    if (skip.has('load')) {
      for (const s of resolved.scenarios)
        for (const checkId of s.checkIds) excluded.push({ checkId, kind: 'load', reason: '--skip load' });
    } else {
      steps.push({
        kind: 'load',
        id: 'load',
        scenarios: resolved.scenarios.map(({ scenario, checkIds }) => {
          const senders = scenario.senders(params, shardCount);
          const senderRoles = Array.from({ length: shardCount }, (_, i) =>
            account(`load/${scenario.name}/shard-${i}`, senders.count, senders.budget),
          );
          return {
            name: scenario.name,
            checkIds: [...checkIds],
            shardCount,
            startDelayMs: Math.ceil(
              scenario.prepareMs(params, shardCount) + (options.shardStartAllowanceMs ?? 2_000),
            ),
            senderRoles,
          };
        }),
      });
    }
  }

  addChecksStep('disruptive', disruptive);

  return {
    runId: request.runId,
    profile: { id: resolved.profile.id, version: resolved.profile.version, digest: resolved.digest },
    parameters: values,
    overridden: [...overridden],
    steps,
    excluded,
    accounts,
    attestations: [...request.attestations],
  };
}

/** What a step's checks and their fixtures (each counted once) send from the step's account. */
function stepBudget(checks: readonly AnyCheck[], params: Record<string, unknown>): TxBudget {
  const fixtures = new Set<AnyFixture>(checks.flatMap((c) => c.fixtures));
  return [...checks.flatMap((c) => c.budget(params)), ...[...fixtures].flatMap((f) => f.budget(params))];
}
