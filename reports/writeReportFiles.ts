import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '#core/report/ReportSchema.ts';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { renderHtml } from './render/renderHtml.ts';

export interface ReportFiles {
  readonly dir: string;
  readonly jsonPath: string;
  readonly htmlPath: string;
}

/**
 * Writes `<outDir>/<runId>/report.json` and `report.html` (the CLI's `--out`, default `reports/out`);
 * a rerun overwrites both. The run id becomes a path segment, so it is checked against its pattern
 * first (no `..`, no `/`): a report read from the store is untrusted.
 */
export async function writeReportFiles(report: Report, outDir: string): Promise<ReportFiles> {
  const runId = RunIdSchema.parse(report.reportId);
  const dir = join(outDir, runId);
  await mkdir(dir, { recursive: true });
  const jsonPath = join(dir, 'report.json');
  const htmlPath = join(dir, 'report.html');
  await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  await writeFile(htmlPath, renderHtml(report), 'utf8');
  return { dir, jsonPath, htmlPath };
}
