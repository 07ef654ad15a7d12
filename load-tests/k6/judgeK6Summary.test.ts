import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeK6Summary } from './judgeK6Summary.ts';
import type { K6TransferManifest } from './K6ExportManifestSchema.ts';
import { type K6Summary, parseK6Summary } from './parseK6Summary.ts';
import { sampleK6Manifest } from './sampleK6Manifest.ts';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'));
const startedAt = '2026-11-30T15:10:00.000Z';

/** The transfer manifest the fixture's script embedded. */
function transferManifest(summary: K6Summary): K6TransferManifest {
  if (summary.manifest?.scenario !== 'transfer') throw new Error('the fixture embeds a transfer manifest');
  return summary.manifest;
}

/** The handleSummary fixture with some metrics' values replaced. */
function withMetrics(changes: Record<string, Record<string, number> | null>): K6Summary {
  const summary = parseK6Summary(fixture('handle-summary.json'), 'fixture');
  const metrics = new Map(summary.metrics);
  for (const [name, values] of Object.entries(changes)) {
    if (values === null) metrics.delete(name);
    else metrics.set(name, { type: metrics.get(name)?.type ?? 'counter', values, thresholds: {} });
  }
  return { ...summary, metrics };
}

describe('judgeK6Summary', () => {
  it('states what k6 established and leaves inclusion inconclusive, never a pass', () => {
    const summary = parseK6Summary(fixture('handle-summary.json'), 'fixture');
    const [throughput, latency] = judgeK6Summary(summary, transferManifest(summary), startedAt);
    expect(throughput).toMatchObject({
      checkId: 'perf-transaction-throughput',
      status: 'error',
      actual: { acceptedPerS: 99.8, accepted: 998, rejected: 2, sent: 1000, checksFailed: 2 },
    });
    expect(throughput.summary).toMatch(
      /^inconclusive: 99\.8 tx\/s accepted at 100 tx\/s offered, 998\/1000 accepted/,
    );
    expect(throughput.summary).toMatch(/committed TPS/);
    expect(latency).toMatchObject({
      checkId: 'perf-transaction-latency',
      status: 'error',
      actual: { ackP95Ms: 8 },
    });
    expect(latency.summary).toMatch(/acknowledgement p95 8 ms ≤ 5000 ms/);
    expect(latency.summary).toMatch(/inclusion latency is not in it/);
    expect(throughput.evidence).toMatchObject({
      k6Thresholds: { 'chaineval_accept_rate: rate>=0.95': true },
    });
  });

  it('fails PERF-01 when fewer are accepted than the success rate asks, and PERF-02 when every ack is over the bound', () => {
    const summary = parseK6Summary(fixture('summary-export.json'), 'fixture');
    expect(summary.shape).toBe('summary-export');
    const [throughput, latency] = judgeK6Summary(summary, sampleK6Manifest(), startedAt);
    expect(throughput.status).toBe('fail');
    expect(throughput.summary).toMatch(/only 60% of sent transactions were accepted \(400 rejected\) < 95%/);
    expect(latency.status).toBe('fail');
    expect(latency.summary).toMatch(/fastest 5200 ms/);
    // summary-export's threshold booleans are true when the threshold failed.
    expect(throughput.evidence).toMatchObject({
      k6Thresholds: { 'chaineval_accept_rate: rate>=0.95': false },
    });
  });

  it('fails PERF-01 on receipts chaineval read back when acknowledged transactions were never committed', () => {
    const summary = parseK6Summary(fixture('handle-summary.json'), 'fixture');
    const readAt = '2026-11-30T15:20:00.000Z';
    const [lost] = judgeK6Summary(summary, transferManifest(summary), startedAt, {
      committed: 900,
      reverted: 0,
      read: 1000,
      readAt,
    });
    expect(lost.status).toBe('fail');
    expect(lost.summary).toMatch(
      /only 900 of 1000 sent transactions were committed even by the time of import \(90% < 95%/,
    );
    expect(lost.actual).toMatchObject({ committedByImport: 900, receiptsReadAt: readAt });
    // Enough committed: still no pass, since late commits count at import but not in chaineval's window.
    const [kept] = judgeK6Summary(summary, transferManifest(summary), startedAt, {
      committed: 998,
      reverted: 0,
      read: 1000,
      readAt,
    });
    expect(kept.status).toBe('error');
    expect(kept.summary).toMatch(/998\/1000 accepted, 998 committed by the time of import/);
  });

  it('keeps PERF-02 inconclusive when only the ack p95 is over the bound (the slow ones may be the lost ones)', () => {
    const summary = withMetrics({
      chaineval_ack_latency: { min: 10, 'p(95)': 6_000, 'p(99)': 7_000, max: 8_000, count: 998 },
    });
    const [, latency] = judgeK6Summary(summary, transferManifest(summary), startedAt);
    expect(latency.status).toBe('error');
    expect(latency.summary).toMatch(/acknowledgement p95 6000 ms > 5000 ms/);
  });

  it('gives no verdict when k6 fell behind its schedule (late sends, dropped iterations, p99 lag)', () => {
    const late = withMetrics({ chaineval_late_sends: { count: 40 } });
    expect(judgeK6Summary(late, transferManifest(late), startedAt).map((r) => r.status)).toEqual([
      'error',
      'error',
    ]);
    expect(judgeK6Summary(late, transferManifest(late), startedAt)[0].summary).toMatch(
      /k6 was the bottleneck/,
    );

    const dropped = withMetrics({
      chaineval_accepted: { count: 900 },
      chaineval_rejected: { count: 0 },
      dropped_iterations: { count: 100 },
    });
    const [t] = judgeK6Summary(dropped, transferManifest(dropped), startedAt);
    expect(t.summary).toMatch(/100 never sent of which 100 dropped/);

    const lagging = withMetrics({ chaineval_send_lag: { 'p(99)': 180, count: 1000 } });
    expect(judgeK6Summary(lagging, transferManifest(lagging), startedAt)[1].summary).toMatch(
      /p99 send lag 180 ms/,
    );

    const noP99 = withMetrics({ chaineval_send_lag: { 'p(95)': 2, count: 1000 } });
    expect(judgeK6Summary(noP99, transferManifest(noP99), startedAt)[0].summary).toMatch(/lacks p\(99\)/);
  });

  it('gives no verdict on too few transactions, and refuses a summary with more sends than the export', () => {
    const few = withMetrics({ chaineval_accepted: { count: 5 }, chaineval_rejected: { count: 0 } });
    const manifest = sampleK6Manifest({ transactions: 5 });
    expect(judgeK6Summary(few, manifest, startedAt)[0].summary).toMatch(/too few/);
    const many = parseK6Summary(fixture('handle-summary.json'), 'fixture');
    expect(() => judgeK6Summary(many, sampleK6Manifest({ transactions: 500 }), startedAt)).toThrow(
      /1000 sends, more than the 500/,
    );
  });
});

describe('parseK6Summary', () => {
  it('reads both shapes k6 writes and the manifest the script embeds', () => {
    const handle = parseK6Summary(fixture('handle-summary.json'), 'a.json');
    expect(handle.shape).toBe('handle-summary');
    expect(handle.testRunDurationMs).toBeCloseTo(10_021.7, 1);
    expect(handle.manifest?.runId).toBe('20261130T150000Z-0a1b2c3d');
    expect(handle.metrics.get('chaineval_ack_latency')?.values['p(95)']).toBe(8);
    const exported = parseK6Summary(fixture('summary-export.json'), 'b.json');
    expect(exported.metrics.get('chaineval_accept_rate')?.values.rate).toBe(0.6);
    expect(exported.manifest).toBeUndefined();
  });

  it.each([
    [[1, 2], /a\.json is not a k6 summary \(no "metrics" object\)/],
    [{ metrics: { x: { type: 'histogram', values: {} } } }, /a\.json is not a k6 summary \(metrics\.x\.type/],
    [{ metrics: { x: { count: 'many' } } }, /a\.json is not a k6 summary \(metrics\.x\.count/],
    [
      { metrics: { x: { type: 'counter', values: { count: 1 } } }, chaineval: { format: 'other' } },
      /a\.json \(chaineval\) is not a chaineval k6 export manifest \(/,
    ],
  ])('refuses a wrong shape in one line: %j', (json, message) => {
    expect(() => parseK6Summary(json, 'a.json')).toThrow(message);
  });
});
