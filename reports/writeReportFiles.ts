import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Report } from '#core/report/ReportSchema.ts';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { type ReportFormat, reportFileNames } from './ReportFormatSchema.ts';
import type { ReportLang } from './render/ReportLangSchema.ts';
import { renderReport } from './renderReport.ts';
import { reportFileText } from './reportFileText.ts';

export interface ReportFiles {
  readonly dir: string;
  readonly jsonPath: string;
  readonly htmlPath: string;
  /** Every file written, by format (json and html included). */
  readonly paths: Partial<Record<ReportFormat, string>>;
}

/**
 * Writes `<outDir>/<runId>/report.json` and `report.html` (the CLI's `--out`, default `reports/out`);
 * a rerun overwrites both, plus one file per extra `formats` entry (junit, sarif, markdown). The
 * run id becomes a path segment, so it is checked against its pattern
 * first (no `..`, no `/`): a report read from the store is untrusted.
 */
export async function writeReportFiles(
  report: Report,
  outDir: string,
  formats: readonly ReportFormat[] = [],
  lang: ReportLang = 'both',
): Promise<ReportFiles> {
  const runId = RunIdSchema.parse(report.reportId);
  const dir = join(outDir, runId);
  await mkdir(dir, { recursive: true });
  const jsonPath = join(dir, 'report.json');
  const htmlPath = join(dir, 'report.html');
  await writeFile(jsonPath, reportFileText(report), 'utf8');
  await writeFile(htmlPath, await renderReport(report, 'html', lang), 'utf8');
  const paths: Partial<Record<ReportFormat, string>> = { json: jsonPath, html: htmlPath };
  for (const format of formats) {
    if (paths[format] !== undefined) continue;
    const path = join(dir, reportFileNames[format]);
    await writeFile(path, await renderReport(report, format, lang), 'utf8');
    paths[format] = path;
  }
  return { dir, jsonPath, htmlPath, paths };
}
