import { appendFileSync, closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { summarizeReport } from '#core/report/summarizeReport.ts';
import { listingOfRun } from '#core/run/listingOfRun.ts';
import type { RunMeta } from '#core/run/RunMetaSchema.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';
import type { JournalEntry } from './JournalEntrySchema.ts';
import { readJournal } from './readJournal.ts';

/**
 * A ResultStore on one append-only JSON-lines file: every write is a line, flushed to disk before the
 * call returns; reads replay the file (later lines win). It is the local safety net of a run
 * (DESIGN.md "Locally every result is also journaled to the output folder first"): the CLI writes
 * here before DynamoDB, so a dying store loses nothing, and `chaineval reports import` replays it.
 */
export function createJournalStore(path: string): ResultStore {
  mkdirSync(dirname(path), { recursive: true });
  const append = (entry: JournalEntry) => {
    const fd = openSync(path, 'a');
    try {
      appendFileSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  };
  const replay = () => {
    let meta: RunMeta | undefined;
    const results = new Map<string, CheckResult>();
    const shards = new Map<string, LoadShardResult>();
    let report: Report | undefined;
    for (const entry of readJournal(path)) {
      if (entry.type === 'run') meta = entry.value;
      else if (entry.type === 'result') results.set(entry.value.checkId, entry.value);
      else if (entry.type === 'shard')
        shards.set(`${entry.value.scenario}#${entry.value.shardIndex}`, entry.value);
      else report = entry.value;
    }
    return { meta, results: [...results.values()], shards: [...shards.values()], report };
  };
  return {
    async putRun(meta) {
      append({ type: 'run', value: meta });
    },
    async putResult(runId, result) {
      append({ type: 'result', runId, value: result });
    },
    async putLoadShard(runId, shard) {
      append({ type: 'shard', runId, value: shard });
    },
    async getRun(runId) {
      const { meta, results, shards } = replay();
      if (!meta || meta.runId !== runId) return null;
      return { meta, results, loadShards: shards };
    },
    async putReport(report) {
      append({ type: 'report', value: report });
    },
    async getReport(reportId) {
      const { report } = replay();
      return report?.reportId === reportId ? report : null;
    },
    async listReports() {
      const { report } = replay();
      return report ? [summarizeReport(report)] : [];
    },
    async listRuns() {
      const { meta } = replay();
      return meta ? [listingOfRun(meta)] : [];
    },
  };
}
