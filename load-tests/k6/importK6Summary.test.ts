import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProfile, resolveProfile } from '#core/profile/resolveProfile.ts';
import type { RunMeta } from '#core/run/RunMetaSchema.ts';
import { createMemoryResultStore } from '#core/store/createMemoryResultStore.ts';
import { registry } from '#registry/index.ts';
import { transferScenarioName } from '../runTransferShard.ts';
import { importK6Summary } from './importK6Summary.ts';
import { parseK6Summary } from './parseK6Summary.ts';
import { sampleK6Manifest } from './sampleK6Manifest.ts';

const resolved = resolveProfile(findProfile(registry, 'jrt-0193-2020'), registry);
const profile = { id: resolved.profile.id, version: resolved.profile.version, digest: resolved.digest };
const manifest = sampleK6Manifest({ profile });
const summary = parseK6Summary(
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'handle-summary.json'), 'utf8')),
  'fixture',
);
const now = () => new Date('2026-11-30T16:00:00.000Z');
const evaluationId = '20261130T140000Z-99999999';

/** A finished evaluation of the exported chain, as `chaineval evaluate --skip load` would leave it. */
function evaluation(overrides: Partial<RunMeta> = {}): RunMeta {
  return {
    runId: evaluationId,
    status: 'complete',
    startedAt: '2026-11-30T14:00:00.000Z',
    finishedAt: '2026-11-30T14:05:00.000Z',
    harnessVersion: '0.0.0-test',
    target: manifest.target,
    plan: {
      runId: evaluationId,
      profile,
      parameters: manifest.parameters,
      overridden: [],
      steps: [{ kind: 'checks', id: 'conformance', checkIds: ['ledger-parent-hash-links'] }],
      excluded: [],
      accounts: [],
      attestations: [],
    },
    ...overrides,
  };
}

describe('importK6Summary', () => {
  it('stores the run the export reserved: PERF-01/02 from the summary, every other check excluded', async () => {
    const store = createMemoryResultStore();
    const report = await importK6Summary({ store, registry, summary, manifest, now });
    expect(report.reportId).toBe(manifest.runId);
    expect(report.run.status).toBe('complete');
    expect(report.target).toEqual(manifest.target);
    const statuses = new Map(report.results.map((r) => [r.checkId, r.status]));
    expect(statuses.get('perf-transaction-throughput')).toBe('error');
    expect(statuses.get('perf-transaction-latency')).toBe('error');
    const others = report.results.filter((r) => !r.checkId.startsWith('perf-transaction-'));
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((r) => r.status === 'skip' && r.skipReason === 'excluded')).toBe(true);
    expect(report.results.some((r) => r.status === 'pass')).toBe(false);
    // Importing again overwrites the same results, never duplicates.
    await importK6Summary({ store, registry, summary, manifest, now });
    expect(
      (await store.getRun(manifest.runId))?.results.filter((r) => r.checkId.startsWith('perf-transaction-')),
    ).toHaveLength(2);
  });

  it('adds the verdicts to a finished evaluation of the same chain (--run) and rebuilds its report', async () => {
    const store = createMemoryResultStore();
    await store.putRun(evaluation());
    const report = await importK6Summary({ store, registry, summary, manifest, runId: evaluationId, now });
    expect(report.reportId).toBe(evaluationId);
    expect(report.results.find((r) => r.checkId === 'perf-transaction-throughput')?.summary).toMatch(
      /k6 summary/,
    );
    expect(await store.getRun(manifest.runId)).toBeNull();
  });

  it.each([
    ['is not stored', undefined, /no run 20261130T140000Z-99999999 in the report store/],
    ['is still running', evaluation({ status: 'running' }), /is still running/],
    [
      'evaluated another chain',
      evaluation({ target: { ...manifest.target, genesisHash: `0x${'cd'.repeat(32)}` } }),
      /evaluated chain 31337 \(genesis 0xcdcdcdcd…\), the k6 export loaded chain 31337 \(genesis 0xabababab…\)/,
    ],
  ])('refuses --run when the run %s', async (_, meta, message) => {
    const store = createMemoryResultStore();
    if (meta) await store.putRun(meta);
    await expect(
      importK6Summary({ store, registry, summary, manifest, runId: evaluationId, now }),
    ).rejects.toThrow(message);
  });

  it('refuses --run when the run measured the transfer load itself', async () => {
    const store = createMemoryResultStore();
    await store.putRun(evaluation());
    await store.putLoadShard(evaluationId, { scenario: transferScenarioName, shardIndex: 0 } as never);
    await expect(
      importK6Summary({ store, registry, summary, manifest, runId: evaluationId, now }),
    ).rejects.toThrow(/measured the transfer load itself/);
  });

  it('refuses --run into a sealed run: its signed report would change under the seal', async () => {
    const memory = createMemoryResultStore();
    await memory.putRun(evaluation());
    const sealed = { ...memory, getSeal: async (id: string) => (id === evaluationId ? ({} as never) : null) };
    await expect(
      importK6Summary({ store: sealed, registry, summary, manifest, runId: evaluationId, now }),
    ).rejects.toThrow(/run 20261130T140000Z-99999999 is sealed: its signed report cannot take new verdicts/);
    expect((await memory.getRun(evaluationId))?.results).toHaveLength(0);
  });

  it('refuses to overwrite an evaluation stored under the export run id', async () => {
    const store = createMemoryResultStore();
    await store.putRun(
      evaluation({ runId: manifest.runId, plan: { ...evaluation().plan, runId: manifest.runId } }),
    );
    await expect(importK6Summary({ store, registry, summary, manifest, now })).rejects.toThrow(
      /is an evaluation, not this export's import/,
    );
  });
});
