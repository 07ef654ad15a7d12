import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportSchema } from '#core/report/ReportSchema.ts';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { writeReportFiles } from './writeReportFiles.ts';

describe('writeReportFiles', () => {
  let baseDir: string | undefined;
  afterEach(async () => {
    if (baseDir) await rm(baseDir, { recursive: true, force: true });
  });

  it('writes report.json (valid against the schema) and report.html under <outDir>/<runId>', async () => {
    baseDir = await mkdtemp(join(tmpdir(), 'chaineval-report-'));
    const report = sampleReport();
    const files = await writeReportFiles(report, join(baseDir, 'reports', 'out'));
    expect(files.jsonPath).toBe(join(baseDir, 'reports', 'out', report.reportId, 'report.json'));
    expect(files.htmlPath).toBe(join(baseDir, 'reports', 'out', report.reportId, 'report.html'));
    expect(ReportSchema.parse(JSON.parse(await readFile(files.jsonPath, 'utf8')))).toEqual(report);
    expect(await readFile(files.htmlPath, 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('refuses a report id that is not a run id (it becomes a path segment)', async () => {
    baseDir = await mkdtemp(join(tmpdir(), 'chaineval-report-'));
    const report = { ...sampleReport(), reportId: '../../etc' };
    await expect(writeReportFiles(report, join(baseDir, 'reports', 'out'))).rejects.toThrow(
      /run id must look like/,
    );
  });
});
