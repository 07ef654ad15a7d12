import { describe, expect, it } from 'vitest';
import { compareReports } from './compareReports.ts';
import { renderCompareTerminal } from './renderCompareTerminal.ts';
import { sampleComparison } from './sampleComparison.ts';

describe('renderCompareTerminal', () => {
  it('matches the golden comparison table (a deliberate change: npx vitest run -u, then read the diff)', async () => {
    await expect(renderCompareTerminal(compareReports(sampleComparison()))).toMatchFileSnapshot(
      './__goldens__/compare.txt',
    );
  });

  it('prints the warnings first, then the reports, then clauses and checks with ≠ where they differ', () => {
    const text = renderCompareTerminal(compareReports(sampleComparison()));
    const lines = text.split('\n');
    expect(lines[2]).toBe('Read first: these reports are not like for like');
    expect(text.indexOf('! The runs used different parameters')).toBeLessThan(text.indexOf('Clauses ('));
    expect(lines.find((l) => l.startsWith('LED-01 ledger-parent-hash-links'))).toMatch(/PASS\s+FAIL\s+≠$/);
    expect(lines.find((l) => l.startsWith('TX-02 tx-raw-replay-rejected'))).toMatch(/FAIL\s+FAIL$/);
    expect(lines.find((l) => l.startsWith('Score'))).toMatch(/^Score\s+67\.4\s+\S+ \(−\d/);
  });

  it('shows load figures with deltas against A', () => {
    const lines = renderCompareTerminal(compareReports(sampleComparison())).split('\n');
    const at = lines.findLastIndex((l) => l.startsWith('PERF-02 perf-transaction-latency'));
    expect(lines[at]).toMatch(/offered\s+50 tx\/s × 10 s on 2 shards\s+20 tx\/s × 5 s on 1 shard$/);
    expect(lines[at + 1]).toMatch(/committed TPS\s+49\.6\s+19\.5 \(−30\.1\)$/);
    expect(lines[at + 3]).toMatch(/p95 latency\s+812 ms\s+2480 ms \(\+1668\)$/);
  });

  it('neutralises control characters from the reports, with and without colour', () => {
    const model = compareReports(sampleComparison());
    const plain = renderCompareTerminal(model);
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('VendorChain/<b>2.1</b>\\u{1b}[2J');
    const coloured = renderCompareTerminal(model, { color: true });
    for (const rest of coloured.split('\u001b').slice(1)) expect(rest).toMatch(/^\[\d+m/);
    expect(coloured).toContain('\u001b[31mFAIL   \u001b[0m');
  });
});
