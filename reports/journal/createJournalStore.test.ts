import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleReport, sampleResults } from '#reports/fixtures/sampleReport.ts';
import { createJournalStore } from './createJournalStore.ts';

const runId = '20261124T101500Z-1a2b3c4d';
const meta = () => {
  const report = sampleReport();
  return {
    runId,
    status: 'running' as const,
    startedAt: report.run.startedAt,
    harnessVersion: report.harness.version,
    target: report.target,
    plan: {
      runId,
      profile: { id: report.profile.id, version: report.profile.version, digest: report.profile.digest },
      parameters: {},
      overridden: [],
      steps: [],
      excluded: [],
      accounts: [],
      attestations: [],
    },
  };
};
const journalPath = () => join(mkdtempSync(join(tmpdir(), 'journal-')), runId, 'journal.jsonl');

describe('createJournalStore', () => {
  it('replays what was written, the latest write of an item winning', async () => {
    const path = journalPath();
    const journal = createJournalStore(path);
    await journal.putRun(meta());
    const [first, second] = sampleResults();
    await journal.putResult(runId, first!);
    await journal.putResult(runId, second!);
    await journal.putResult(runId, { ...first!, summary: 'rewritten by a retry' });
    await journal.putRun({ ...meta(), status: 'incomplete', incompleteReason: 'interrupted by SIGINT' });
    const run = await journal.getRun(runId);
    expect(run?.meta).toMatchObject({ status: 'incomplete', incompleteReason: 'interrupted by SIGINT' });
    expect(run?.results.map((r) => [r.checkId, r.summary])).toEqual([
      [first!.checkId, 'rewritten by a retry'],
      [second!.checkId, second!.summary],
    ]);
    expect(await journal.getRun('20261124T101500Z-ffffffff')).toBeNull();
    await journal.putReport(sampleReport());
    expect((await journal.getReport(runId))?.reportId).toBe(runId);
    expect((await journal.listReports(10)).map((r) => r.reportId)).toEqual([runId]);
  });

  it('ignores a torn last line (the process died mid-write) and keeps everything before it', async () => {
    const path = journalPath();
    const journal = createJournalStore(path);
    await journal.putRun(meta());
    await journal.putResult(runId, sampleResults()[0]!);
    appendFileSync(path, '{"type":"result","runId":"2026');
    expect((await journal.getRun(runId))?.results).toHaveLength(1);
  });

  it('refuses a journal edited in the middle, naming the line', async () => {
    const path = journalPath();
    const journal = createJournalStore(path);
    await journal.putRun(meta());
    writeFileSync(path, `not json\n${JSON.stringify({ type: 'run', value: meta() })}\n`);
    await expect(journal.getRun(runId)).rejects.toThrow(/line 1 is not JSON/);
  });
});
