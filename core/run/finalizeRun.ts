import type { CheckResult } from '../checks/CheckResultSchema.ts';
import { ConfigError } from '../errors/ConfigError.ts';
import { harnessVersion } from '../harnessVersion.ts';
import type { Registry } from '../registry/Registry.ts';
import { type Report, ReportSchema, reportSchemaVersion } from '../report/ReportSchema.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import type { ResultStore } from '../store/ResultStore.ts';
import type { RunMeta } from './RunMetaSchema.ts';
import { resolvePlanProfile } from './resolvePlanProfile.ts';

export interface FinalizeDeps {
  readonly store: ResultStore;
  readonly registry: Registry;
  /** Set when the run could not finish; the run and its report are marked incomplete. */
  readonly incompleteReason?: string;
  readonly now?: () => Date;
}

/**
 * Last step of every run, complete or not, in both runtimes: builds the report from what the store
 * holds (never from logs), merges each load scenario's shards into its checks' verdicts, records
 * checks the operator left out as skipped, scores the clauses with the profile's rubric, and stores
 * the report and the run's final status.
 */
export async function finalizeRun(runId: string, deps: FinalizeDeps): Promise<Report> {
  const now = deps.now ?? (() => new Date());
  const stored = await deps.store.getRun(runId);
  if (!stored) throw new ConfigError(`run "${runId}" has no record in the store; was it prepared?`);
  const { plan } = stored.meta;
  const resolved = resolvePlanProfile(plan, deps.registry);
  const results = new Map(stored.results.map((r) => [r.checkId, r]));
  const put = async (result: CheckResult) => {
    await deps.store.putResult(runId, result);
    results.set(result.checkId, result);
  };

  for (const excluded of plan.excluded) {
    if (results.has(excluded.checkId)) continue;
    await put({
      checkId: excluded.checkId,
      kind: excluded.kind === 'load' ? 'load' : excluded.kind === 'property' ? 'property' : 'conformance',
      status: 'skip',
      skipReason: 'excluded',
      summary: `left out of this run by the operator (${excluded.reason}); nothing was verified`,
      startedAt: stored.meta.startedAt,
      durationMs: 0,
    });
  }
  for (const { scenario } of resolved.scenarios) {
    const shards = stored.loadShards.filter((s) => s.scenario === scenario.name);
    if (shards.length === 0) continue;
    const startedAt = new Date(Math.min(...shards.map((s) => s.firstSendAtMs))).toISOString();
    for (const result of scenario.judge(shards, plan.parameters, startedAt)) await put(result);
  }

  const incompleteReason = deps.incompleteReason ?? stored.meta.incompleteReason;
  const complete = incompleteReason === undefined;
  const ordered = resolved.checkMeta.flatMap((m) => {
    const r = results.get(m.id);
    return r ? [r] : [];
  });
  const { clauses, score, overall } = scoreRun({ profile: resolved.profile, results: ordered, complete });
  const finishedAt = now().toISOString();
  const { profile } = resolved;

  const report = ReportSchema.parse({
    schemaVersion: reportSchemaVersion,
    reportId: runId,
    createdAt: finishedAt,
    harness: { name: 'chaineval', version: harnessVersion },
    profile: {
      id: profile.id,
      version: profile.version,
      digest: resolved.digest,
      title: profile.title,
      basis: profile.basis,
    },
    run: {
      status: complete ? 'complete' : 'incomplete',
      ...(incompleteReason === undefined ? {} : { incompleteReason }),
      startedAt: stored.meta.startedAt,
      finishedAt,
      plannedSteps: ['prepare', ...plan.steps.map((s) => s.id), 'finalize'],
    },
    target: stored.meta.target,
    parameters: plan.parameters,
    overriddenParameters: plan.overridden,
    checks: [...resolved.checkMeta],
    results: ordered,
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
