import type { ChainAdapter } from '../adapter/ChainAdapter.ts';
import type { CheckContext, CheckDefinition } from '../checks/CheckDefinition.ts';
import type { CheckKind, CheckResult } from '../checks/CheckResultSchema.ts';
import { TargetError } from '../errors/TargetError.ts';
import { harnessVersion } from '../harnessVersion.ts';
import type { ProfileParameters } from '../profile/ProfileParametersSchema.ts';
import type { Profile } from '../profile/ProfileSchema.ts';
import { type Report, ReportSchema, reportSchemaVersion } from '../report/ReportSchema.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import type { ResultStore } from '../store/ResultStore.ts';
import type { LoadScenario } from './LoadScenario.ts';
import type { RunMeta } from './RunMetaSchema.ts';
import { runCheck } from './runCheck.ts';

/**
 * The steps of one evaluation, shared by the CLI (one process) and the Lambdas (one step each).
 * Every step writes what it obtained to the store as it goes, so a crash loses at most the check in
 * flight, and `finalizeRun` builds the report from the store alone.
 */

export const stepNames = ['conformance', 'property', 'load', 'finalize'] as const;
export type StepName = (typeof stepNames)[number];

export interface StepDeps {
  readonly runId: string;
  readonly adapter: ChainAdapter;
  readonly store: ResultStore;
  readonly params: ProfileParameters;
  readonly progress: (line: string) => void;
}

/** The target stopped answering during the run; the run is finalized as incomplete. */
export class TargetLostError extends TargetError {
  override name = 'TargetLostError' as const;
}

function contextOf(deps: StepDeps): CheckContext {
  return { adapter: deps.adapter, params: deps.params, progress: deps.progress };
}

/**
 * Runs every check of one kind in order and stores each verdict as soon as it exists. After an
 * inconclusive verdict the target is probed once: if it no longer answers, the step stops with
 * `TargetLostError` instead of recording a string of meaningless errors.
 */
export async function runSuiteStep(
  kind: CheckKind,
  checks: readonly CheckDefinition[],
  deps: StepDeps,
): Promise<CheckResult[]> {
  const ctx = contextOf(deps);
  const own = checks.filter((c) => c.kind === kind);
  const results: CheckResult[] = [];
  for (const [i, check] of own.entries()) {
    deps.progress(`[${kind} ${i + 1}/${own.length}] ${check.catalogueId} ${check.id} …`);
    const result = await runCheck(check, ctx);
    await deps.store.putResult(deps.runId, result);
    results.push(result);
    deps.progress(
      `[${kind} ${i + 1}/${own.length}] ${check.catalogueId} ${result.status.toUpperCase()}: ${result.summary}`,
    );
    if (result.status === 'error') await assertTargetAlive(deps.adapter, check.id);
  }
  return results;
}

async function assertTargetAlive(adapter: ChainAdapter, afterCheckId: string): Promise<void> {
  try {
    await adapter.ledger.getHeight();
  } catch (error) {
    if (error instanceof TargetError) {
      throw new TargetLostError(
        `target ${adapter.info.endpoint} stopped answering during check "${afterCheckId}"`,
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

/**
 * Runs one shard of a load scenario and stores its raw counts. When the adapter lacks what the
 * scenario needs, the scenario's checks are stored as skipped instead.
 */
export async function runLoadShardStep(
  scenario: LoadScenario,
  shardIndex: number,
  shardCount: number,
  deps: StepDeps,
): Promise<void> {
  const missing = scenario.requires.filter((c) => !deps.adapter.capabilities.has(c));
  if (missing.length > 0) {
    const startedAt = new Date().toISOString();
    for (const check of scenario.checks) {
      await deps.store.putResult(deps.runId, {
        checkId: check.id,
        kind: 'load',
        status: 'skip',
        skipReason: 'unsupported-capability',
        summary: `adapter "${deps.adapter.info.family}" lacks ${missing.join(', ')}`,
        startedAt,
        durationMs: 0,
      });
    }
    return;
  }
  deps.progress(
    `[load] ${scenario.name} shard ${shardIndex + 1}/${shardCount}: ${deps.params.loadRateTps} tx/s for ${deps.params.loadDurationS} s`,
  );
  const shard = await scenario.runShard(contextOf(deps), shardIndex, shardCount);
  await deps.store.putLoadShard(deps.runId, shard);
  deps.progress(
    `[load] shard ${shardIndex + 1}/${shardCount} done: ${shard.committed}/${shard.sent} committed, ${shard.lost} lost`,
  );
}

export interface FinalizeDeps {
  readonly store: ResultStore;
  readonly profile: Profile;
  readonly scenarios: readonly LoadScenario[];
  readonly passScore: number;
  readonly params: ProfileParameters;
  /** Set when the run could not finish; the run and its report are marked incomplete. */
  readonly incompleteReason?: string;
  readonly now?: () => Date;
}

/**
 * Builds, validates and stores the report from what the store holds: merges load shards into their
 * checks' verdicts, scores clauses, and marks the run complete or incomplete.
 */
export async function finalizeRun(runId: string, deps: FinalizeDeps): Promise<Report> {
  const now = deps.now ?? (() => new Date());
  const stored = await deps.store.getRun(runId);
  if (!stored) throw new TargetError(`run "${runId}" has no record in the store; was it started?`);
  const results = [...stored.results];

  for (const scenario of deps.scenarios) {
    const shards = stored.loadShards.filter((s) => s.scenario === scenario.name);
    if (shards.length === 0) continue;
    const judged = scenario.judge(
      shards,
      deps.params,
      new Date(Math.min(...shards.map((s) => s.firstSendAtMs))).toISOString(),
    );
    for (const result of judged) {
      await deps.store.putResult(runId, result);
      const at = results.findIndex((r) => r.checkId === result.checkId);
      if (at >= 0) results.splice(at, 1, result);
      else results.push(result);
    }
  }

  const incompleteReason = deps.incompleteReason ?? stored.meta.incompleteReason;
  const complete = incompleteReason === undefined;
  const { clauses, score, overall } = scoreRun({
    profile: deps.profile,
    results,
    passScore: deps.passScore,
    complete,
  });
  const finishedAt = now().toISOString();
  const order = new Map(deps.profile.checks.map((c, i) => [c.id, i]));
  results.sort((a, b) => (order.get(a.checkId) ?? 1e9) - (order.get(b.checkId) ?? 1e9));

  const report = ReportSchema.parse({
    schemaVersion: reportSchemaVersion,
    reportId: runId,
    createdAt: finishedAt,
    harness: { name: 'chaineval', version: harnessVersion },
    profile: {
      id: deps.profile.id,
      version: deps.profile.version,
      title: deps.profile.title,
      basis: deps.profile.basis,
    },
    run: {
      status: complete ? 'complete' : 'incomplete',
      ...(incompleteReason === undefined ? {} : { incompleteReason }),
      startedAt: stored.meta.startedAt,
      finishedAt,
      plannedSteps: stored.meta.plannedSteps,
    },
    target: stored.meta.target,
    parameters: stored.meta.parameters,
    checks: deps.profile.checks,
    results,
    clauses,
    score,
    overall,
  } satisfies Report);

  await deps.store.putReport(report);
  const meta: RunMeta = {
    ...stored.meta,
    status: report.run.status,
    finishedAt,
    ...(incompleteReason === undefined ? {} : { incompleteReason }),
  };
  await deps.store.putRun(meta);
  return report;
}
