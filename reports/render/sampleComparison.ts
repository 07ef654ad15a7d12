import { type Report, ReportSchema } from '#core/report/ReportSchema.ts';
import { scoreRun } from '#core/scoring/scoreRun.ts';
import { registry } from '#registry/index.ts';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';

/**
 * Two reports to compare, for the comparison's unit and golden tests: the sample fixture (A) and a
 * second vendor's run of the same profile (B) on another chain, with two parameters set, a lighter
 * load and a failing ledger check — rescored with the real profile and rubric, so B can never
 * disagree with scoreRun. B's client version carries control characters and markup, which every
 * renderer must neutralise.
 */
export function sampleComparison(): [Report, Report] {
  const a = sampleReport();
  const profile = registry.profiles.find((p) => p.id === a.profile.id);
  if (!profile) throw new Error(`the ${a.profile.id} profile is not registered`);
  const results = a.results.map((r) => {
    if (r.checkId === 'ledger-parent-hash-links') {
      return {
        ...r,
        status: 'fail' as const,
        summary: 'block 12 names parent 0x0bad… but block 11 hashes to 0x5e1f…',
      };
    }
    if (r.load) {
      return {
        ...r,
        summary: `${r.summary} (lighter load)`,
        load: {
          ...r.load,
          scenario: { ...r.load.scenario, rateTps: 20, durationS: 5, shards: 1 },
          sent: 100,
          accepted: 100,
          committed: 100,
          acceptedTps: 20,
          committedTps: 19.5,
          latency: { ...r.load.latency, count: 100, p50Ms: 1210, p95Ms: 2480, p99Ms: 2900, maxMs: 3100 },
          // B's own 100 latencies (µs, 700–3100 ms, shaped like the percentiles above), so the
          // comparison overlays two different distributions.
          latencyHistogram:
            'HISTFAAAAFZ4nJNpmSzMwMBwioGBgZGBgYGZAQIYwaT9//8w/sGljEyqTMpMqjggcTLyTIJIkB+FB4LKTMZMpkymYBKGUXn45A2ZJKFQHI2WZHJnKmUqB2MAr9QWLg==',
        },
      };
    }
    return r;
  });
  const { clauses, score, overall } = scoreRun({ profile, results, complete: true });
  const b = ReportSchema.parse({
    ...a,
    reportId: '20261125T090000Z-5e6f7a8b',
    createdAt: '2026-11-25T09:02:10.000Z',
    run: { ...a.run, startedAt: '2026-11-25T09:00:00.000Z', finishedAt: '2026-11-25T09:02:10.000Z' },
    target: {
      ...a.target,
      endpoint: 'https://rpc.vendor-b.example:8545',
      chainId: '1337',
      clientVersion: 'VendorChain/<b>2.1</b>\u001b[2J',
      genesisHash: '0x1f2e3d4c5b6a79880f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778',
      embedded: false,
    },
    parameters: { ...a.parameters, ledgerSampleBlocks: 64, loadRateTps: 20, loadDurationS: 5 },
    overriddenParameters: ['ledgerSampleBlocks', 'loadRateTps', 'loadDurationS'],
    results,
    clauses,
    score,
    overall,
  } satisfies Report);
  return [a, b];
}
