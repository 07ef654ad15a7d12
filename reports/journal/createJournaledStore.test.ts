import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryResultStore } from '#core/store/createMemoryResultStore.ts';
import type { ResultStore } from '#core/store/ResultStore.ts';
import { sampleResults } from '#reports/fixtures/sampleReport.ts';
import { createJournaledStore } from './createJournaledStore.ts';
import { createJournalStore } from './createJournalStore.ts';

const runId = '20261124T101500Z-1a2b3c4d';

/** A store that works until `breakAfter` writes, then refuses everything (DynamoDB Local dying). */
function dyingStore(breakAfter: number): ResultStore {
  const inner = createMemoryResultStore();
  let writes = 0;
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (writes >= breakAfter) throw new Error('connect ECONNREFUSED 127.0.0.1:8000');
      return fn(...args);
    };
  return {
    putRun: guard(async (m) => {
      writes += 1;
      await inner.putRun(m);
    }),
    putResult: guard(async (id, r) => {
      writes += 1;
      await inner.putResult(id, r);
    }),
    putLoadShard: guard(async (id, s) => {
      writes += 1;
      await inner.putLoadShard(id, s);
    }),
    putReport: guard(async (r) => {
      writes += 1;
      await inner.putReport(r);
    }),
    getRun: guard(inner.getRun),
    getReport: guard(inner.getReport),
    listReports: guard(inner.listReports),
    listRuns: guard(inner.listRuns),
  };
}

describe('createJournaledStore', () => {
  it('keeps every write in the journal and reads from it once the store has died', async () => {
    const journal = createJournalStore(join(mkdtempSync(join(tmpdir(), 'journaled-')), 'journal.jsonl'));
    const failures: string[] = [];
    const store = createJournaledStore(journal, dyingStore(2), (reason) => failures.push(reason));
    const [a, b, c] = sampleResults();
    await store.putResult(runId, a!);
    await store.putResult(runId, b!);
    expect(store.storeFailure()).toBeUndefined();
    await store.putResult(runId, c!);
    await store.putResult(runId, a!);
    expect(failures).toEqual(['connect ECONNREFUSED 127.0.0.1:8000']);
    expect(store.storeFailure()).toBe('connect ECONNREFUSED 127.0.0.1:8000');
    // No run record in this journal: the read falls back and answers from it.
    expect(await store.getRun(runId)).toBeNull();
  });
});
