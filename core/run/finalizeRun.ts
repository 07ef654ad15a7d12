import { ConfigError } from '../errors/ConfigError.ts';
import type { Registry } from '../registry/Registry.ts';
import type { Report } from '../report/ReportSchema.ts';
import type { ResultStore } from '../store/ResultStore.ts';
import { buildReport } from './buildReport.ts';
import type { RunMeta } from './RunMetaSchema.ts';

export interface FinalizeDeps {
  readonly store: ResultStore;
  readonly registry: Registry;
  /** Set when the run could not finish; the run and its report are marked incomplete. */
  readonly incompleteReason?: string;
  readonly now?: () => Date;
}

/**
 * Last step of every run, complete or not, in both runtimes: builds the report from what the store
 * holds (buildReport), stores the results it derived (load verdicts, excluded checks), the report
 * and the run's final status.
 */
export async function finalizeRun(runId: string, deps: FinalizeDeps): Promise<Report> {
  const now = deps.now ?? (() => new Date());
  const stored = await deps.store.getRun(runId);
  if (!stored) throw new ConfigError(`run "${runId}" has no record in the store; was it prepared?`);
  const { report, derived } = buildReport(stored, deps.registry, {
    incompleteReason: deps.incompleteReason,
    now: now(),
  });
  for (const result of derived) await deps.store.putResult(runId, result);
  await deps.store.putReport(report);
  const meta: RunMeta = {
    ...stored.meta,
    status: report.run.status,
    finishedAt: report.run.finishedAt,
    ...(report.run.incompleteReason === undefined ? {} : { incompleteReason: report.run.incompleteReason }),
  };
  await deps.store.putRun(meta);
  return report;
}
