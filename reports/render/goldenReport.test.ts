import { describe, expect, it } from 'vitest';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import { planRun } from '#core/run/planRun.ts';
import { RunRequestSchema } from '#core/run/RunRequestSchema.ts';
import { createMemoryResultStore } from '#core/store/createMemoryResultStore.ts';
import { registry } from '#registry/index.ts';
import { sampleReport, sampleResults } from '#reports/fixtures/sampleReport.ts';
import { renderHtml } from './renderHtml.ts';
import { renderTerminalSummary } from './renderTerminalSummary.ts';

const runId = '20261124T101500Z-1a2b3c4d';

/**
 * A golden report built the way every real one is: a plan of the real jrt-0193-2020 profile, a run
 * record, stored results, then finalizeRun. Its JSON, HTML page and terminal summary are compared
 * byte for byte with the files in __goldens__/ (a deliberate change: `npx vitest run -u`, then read
 * the diff). Remapping a check, changing the rubric or dropping a verdict changes them.
 */
async function goldenReport() {
  const store = createMemoryResultStore();
  const plan = planRun(RunRequestSchema.parse({ runId }), registry, { maxConcurrentShards: 1 });
  const sample = sampleReport();
  await store.putRun({
    runId,
    status: 'running',
    startedAt: sample.run.startedAt,
    harnessVersion: sample.harness.version,
    target: sample.target,
    plan,
  });
  for (const result of sampleResults()) await store.putResult(runId, result);
  const report = await finalizeRun(runId, { store, registry, now: () => new Date(sample.createdAt) });
  // The harness version moves with every release; the golden pins the rest.
  return { ...report, harness: { ...report.harness, version: '0.0.0-golden' } };
}

describe('a golden report through finalizeRun', () => {
  it('scores the stored results exactly as the sample fixture does', async () => {
    const report = await goldenReport();
    const sample = sampleReport();
    expect(report.clauses).toEqual(sample.clauses);
    expect(report.score).toEqual(sample.score);
    expect(report.overall).toEqual(sample.overall);
    expect(report.results.map((r) => r.checkId)).toEqual(sample.results.map((r) => r.checkId));
  });

  it('matches the golden JSON, HTML and terminal summary', async () => {
    const report = await goldenReport();
    await expect(`${JSON.stringify(report, null, 2)}\n`).toMatchFileSnapshot('./__goldens__/report.json');
    await expect(renderHtml(report)).toMatchFileSnapshot('./__goldens__/report.html');
    await expect(renderTerminalSummary(report)).toMatchFileSnapshot('./__goldens__/summary.txt');
  });
});
