import type { Report, ReportSummary } from './ReportSchema.ts';

/** The row `chaineval reports list` shows for a report (and the store indexes it by). */
export function summarizeReport(report: Report): ReportSummary {
  return {
    reportId: report.reportId,
    createdAt: report.createdAt,
    status: report.run.status,
    endpoint: report.target.endpoint,
    chainId: report.target.chainId,
    clientVersion: report.target.clientVersion,
    profile: `${report.profile.id}@${report.profile.version}`,
    verdict: report.overall.verdict,
    score: report.score.value,
    coverage: report.score.coverage,
  };
}
