import type { CheckResult } from '../checks/CheckResultSchema.ts';
import { harnessVersion } from '../harnessVersion.ts';
import type { Registry } from '../registry/Registry.ts';
import { type Report, ReportSchema, reportSchemaVersion } from '../report/ReportSchema.ts';
import { scoreRun } from '../scoring/scoreRun.ts';
import type { StoredRun } from '../store/ResultStore.ts';
import type { RunStatus } from './RunMetaSchema.ts';
import { resolvePlanProfile } from './resolvePlanProfile.ts';

export interface BuildReportOptions {
  /** Why the run could not finish; the report is then incomplete. */
  readonly incompleteReason?: string | undefined;
  /** `running` shows a run still in progress as it stands (`chaineval reports show`). @default - complete or incomplete */
  readonly status?: RunStatus;
  readonly now: Date;
}

export interface BuiltReport {
  readonly report: Report;
  /** Results the report adds to what was stored: excluded checks, load checks judged from shards. */
  readonly derived: readonly CheckResult[];
}

/**
 * The report of a stored run, built from the store alone (never from logs): each load scenario's
 * shards merged into its checks' verdicts, checks the operator left out recorded as skipped, the
 * clauses scored with the profile's rubric. Pure: finalizeRun stores what it returns, and
 * `reports show` renders it for a run that has not finished.
 */
export function buildReport(stored: StoredRun, registry: Registry, options: BuildReportOptions): BuiltReport {
  const { plan } = stored.meta;
  const resolved = resolvePlanProfile(plan, registry);
  const results = new Map(stored.results.map((r) => [r.checkId, r]));
  const derived: CheckResult[] = [];
  const add = (result: CheckResult) => {
    derived.push(result);
    results.set(result.checkId, result);
  };
  for (const excluded of plan.excluded) {
    if (results.has(excluded.checkId)) continue;
    add({
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
    for (const result of scenario.judge(shards, plan.parameters, startedAt)) add(result);
  }

  const incompleteReason = options.incompleteReason ?? stored.meta.incompleteReason;
  const status: RunStatus = options.status ?? (incompleteReason === undefined ? 'complete' : 'incomplete');
  const ordered = resolved.checkMeta.flatMap((m) => {
    const r = results.get(m.id);
    return r ? [r] : [];
  });
  const { clauses, score, overall } = scoreRun({
    profile: resolved.profile,
    results: ordered,
    complete: status === 'complete',
    attestations: plan.attestations,
  });
  if (status === 'running')
    overall.reasons[0] = 'the run is still in progress; verdicts cover only the results stored so far';
  const { profile } = resolved;
  const finishedAt = options.now.toISOString();
  const report = ReportSchema.parse({
    schemaVersion: reportSchemaVersion,
    reportId: plan.runId,
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
      status,
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
  return { report, derived };
}
