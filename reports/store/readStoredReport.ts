import type { Report } from '#core/report/ReportSchema.ts';
import { buildReport } from '#core/run/buildReport.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';
import { registry } from '#registry/index.ts';

/**
 * A run's report as `reports show` and `compare` read it: the stored report, or, for a run that has
 * not finished (still running, or left running), its results as they stand. Null when neither a
 * report nor a run has that id.
 */
export async function readStoredReport(store: ResultStore, runId: string): Promise<Report | null> {
  const report = await store.getReport(runId);
  if (report) return report;
  const stored = await store.getRun(runId);
  if (!stored) return null;
  return buildReport(stored, registry, {
    now: new Date(),
    ...(stored.meta.status === 'running' ? { status: 'running' as const } : {}),
  }).report;
}
