import { describe, expect, it } from 'vitest';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { compareReports } from './compareReports.ts';
import { sampleComparison } from './sampleComparison.ts';

describe('compareReports', () => {
  it('puts clauses and checks side by side and marks the rows where the reports disagree', () => {
    const model = compareReports(sampleComparison());
    expect(model.columns.map((c) => c.letter)).toEqual(['A', 'B']);
    const parent = model.checks.find((r) => r.checkId === 'ledger-parent-hash-links');
    expect(parent).toMatchObject({ catalogueId: 'LED-01', statuses: ['pass', 'fail'], differs: true });
    const replay = model.checks.find((r) => r.checkId === 'tx-raw-replay-rejected');
    expect(replay).toMatchObject({ statuses: ['fail', 'fail'], differs: false });
    // A planned check with no stored result stays visible as missing, in both columns.
    expect(model.checks.find((r) => r.checkId === 'crypto-declared-suite')?.statuses).toEqual([
      'missing',
      'missing',
    ]);
    const ledger = model.clauses.find((r) => r.clauseId === '0184-7.2');
    expect(ledger?.verdicts[0]).toBe('conform');
    expect(ledger?.differs).toBe(true);
  });

  it('gives score and coverage deltas against the first report', () => {
    const [a, b] = sampleComparison();
    const model = compareReports([a, b]);
    expect(model.columns[0]?.scoreDelta).toBe(0);
    expect(model.columns[1]?.scoreDelta).toBe(Math.round((b.score.value - a.score.value) * 10) / 10);
    expect(model.columns[1]?.scoreDelta).toBeLessThan(0);
  });

  it('warns in words about differing parameters (with values), load offered and chains', () => {
    const { warnings } = compareReports(sampleComparison());
    expect(warnings).toContainEqual(
      expect.stringMatching(/different parameters.*ledgerSampleBlocks is 32 in A; 64 in B/),
    );
    expect(warnings.join('\n')).toMatch(/loadRateTps is 50 in A; 20 in B/);
    expect(warnings.join('\n')).toMatch(
      /load offered differs.*perf-transaction-latency ran 50 tx\/s × 10 s on 2 shards in A; 20 tx\/s × 5 s on 1 shard in B/,
    );
    expect(warnings.join('\n')).toMatch(/different chains \(chain 31337 .* in A; chain 1337 .* in B\)/);
    expect(warnings.join('\n')).not.toMatch(/profile|chaineval versions/);
  });

  it('says when the same chain id has different genesis blocks (separate instances, e.g. embedded runs)', () => {
    const b = sampleReport({ reportId: '20261124T111500Z-0a0b0c0d' });
    const fresh = { ...b, target: { ...b.target, genesisHash: `0x${'ab'.repeat(32)}` } };
    const text = compareReports([sampleReport(), fresh]).warnings.join('\n');
    expect(text).toMatch(
      /separate instances of chain 31337: the genesis blocks differ \(chain 31337 \(genesis 0x6c7a4a9b…\) in A; chain 31337 \(genesis 0xabababab…\) in B\)/,
    );
    expect(text).not.toMatch(/different chains/);
  });

  it('has no warning for two runs of the same profile, parameters, load, harness and chain', () => {
    const model = compareReports([sampleReport(), sampleReport({ reportId: '20261124T111500Z-0a0b0c0d' })]);
    expect(model.warnings).toEqual([]);
    expect(model.clauses.every((r) => !r.differs)).toBe(true);
  });

  it('warns when profile versions, profile content or harness versions differ', () => {
    const a = sampleReport();
    const b = sampleReport({ reportId: '20261124T111500Z-0a0b0c0d' });
    const newer = {
      ...b,
      profile: { ...b.profile, version: '9.9.9' },
      harness: { ...b.harness, version: '0.3.0' },
    };
    const text = compareReports([a, newer]).warnings.join('\n');
    expect(text).toMatch(
      /different versions of the profile \(jrt-0193-2020@\S+ in A; jrt-0193-2020@9\.9\.9 in B\)/,
    );
    expect(text).toMatch(/Different chaineval versions .*0\.2\.0 in A; 0\.3\.0 in B/);
    const edited = { ...b, profile: { ...b.profile, digest: 'sha256:0000' } };
    expect(compareReports([a, edited]).warnings.join('\n')).toMatch(/edited without a version bump/);
    const other = {
      ...b,
      profile: { ...b.profile, id: 'quick', version: '0.1.0' },
      parameters: { ledgerSampleBlocks: 16, quickOnly: true },
    };
    const across = compareReports([a, other]).warnings.join('\n');
    expect(across).toMatch(/different profiles \(jrt-0193-2020@\S+ in A; quick@0\.1\.0 in B\)/);
    // Only the parameters both profiles have are compared.
    expect(across).toMatch(/different parameters, .*: ledgerSampleBlocks is 32 in A; 16 in B\.$/m);
  });

  it('warns that an incomplete report covers only part of its run', () => {
    const b = sampleReport({ reportId: '20261124T111500Z-0a0b0c0d' });
    const cut = {
      ...b,
      run: { ...b.run, status: 'incomplete' as const, incompleteReason: 'interrupted by SIGINT' },
    };
    expect(compareReports([sampleReport(), cut]).warnings).toContain(
      'Report B (20261124T111500Z-0a0b0c0d) is incomplete (interrupted by SIGINT): its verdicts cover only part of the run.',
    );
  });

  it("bins each report's stored latency histogram on one shared range, keeping every transaction", () => {
    const model = compareReports(sampleComparison());
    const [a, b] = model.load[0]!.cells;
    const binsA = a!.latencyDistribution!;
    const binsB = b!.latencyDistribution!;
    expect(binsA).toHaveLength(24);
    expect(binsB.map((x) => [x.fromMs, x.toMs])).toEqual(binsA.map((x) => [x.fromMs, x.toMs]));
    // A recorded 180–1021 ms, B 700–3100 ms: the shared axis spans both.
    expect(binsA[0]!.fromMs).toBeLessThan(200);
    expect(binsA.at(-1)!.toMs).toBeGreaterThan(3000);
    expect(binsA.reduce((n, x) => n + x.count, 0)).toBe(500);
    expect(binsB.reduce((n, x) => n + x.count, 0)).toBe(100);
    // Nothing of A lies above its own maximum, nothing of B below its minimum.
    expect(binsA.filter((x) => x.fromMs > 1100).every((x) => x.count === 0)).toBe(true);
    expect(binsB.filter((x) => x.toMs < 690).every((x) => x.count === 0)).toBe(true);
  });

  it('leaves the distribution undefined for a report whose histogram is empty or unreadable', () => {
    const [a, b] = sampleComparison();
    const broken = {
      ...b,
      results: b.results.map((r) =>
        r.load ? { ...r, load: { ...r.load, latencyHistogram: 'not-hdr' } } : r,
      ),
    };
    const cells = compareReports([a, broken]).load[0]!.cells;
    expect(cells[0]?.latencyDistribution).toHaveLength(24);
    expect(cells[1]?.latencyDistribution).toBeUndefined();
    expect(cells[1]?.p95Ms).toBe(2480);
  });

  it('refuses fewer than 2 or more than 8 reports', () => {
    expect(() => compareReports([sampleReport()])).toThrow(/2–8 reports, got 1/);
    expect(() => compareReports(Array.from({ length: 9 }, () => sampleReport()))).toThrow(/got 9/);
  });
});
