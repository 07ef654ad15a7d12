import type { Report } from '#core/report/ReportSchema.ts';

/** report.json's exact text: its seal records the SHA-256 of these bytes besides the canonical digest. */
export function reportFileText(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
