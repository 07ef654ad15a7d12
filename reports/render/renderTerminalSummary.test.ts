import { describe, expect, it } from 'vitest';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { renderTerminalSummary } from './renderTerminalSummary.ts';

describe('renderTerminalSummary', () => {
  it('prints each clause with bilingual title, modal verb and verdict, and its checks beneath', () => {
    const lines = renderTerminalSummary(sampleReport()).split('\n');
    const at = lines.findIndex((l) => l.startsWith('0184-6.3.2'));
    expect(lines[at]).toMatch(/^0184-6\.3\.2\s+应 mandatory\s+不符合 nonconform\s+防重放 Anti-replay$/);
    expect(lines[at + 1]).toBe(
      '    FAIL    TX-02 tx-raw-replay-rejected: a replayed raw transaction was accepted',
    );
    expect(lines).toContain(
      '    SKIP    NET-05 net-rpc-tls: embedded chain on loopback: TLS not applicable (not-applicable)',
    );
  });

  it('aligns the title column although Chinese verdicts are double width', () => {
    const lines = renderTerminalSummary(sampleReport()).split('\n');
    const columnOf = (line: string, title: string) => {
      const prefix = line.slice(0, line.indexOf(title));
      return [...prefix].reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    };
    const conform = lines.find((l) => l.startsWith('0184-7.2'))!;
    const notApplicable = lines.find((l) => l.startsWith('0184-7.8'))!;
    expect(columnOf(conform, '哈希嵌套')).toBe(columnOf(notApplicable, '传输加密'));
  });

  it('ends with score, coverage, overall verdict with reasons, and the report id', () => {
    const text = renderTerminalSummary(sampleReport());
    expect(text).toContain("Score    41.7 / 100 · coverage 66.7% of the profile's weight (6 of 9)");
    expect(text).toContain(
      'Overall  不符合 nonconform\n  - mandatory clause 0184-6.3.2 (Anti-replay) is nonconform\n',
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe('Report   20261124T101500Z-1a2b3c4d');
  });

  it('reports a check of a clause that has no stored result as missing', () => {
    const report = sampleReport();
    report.results = report.results.filter((r) => r.checkId !== 'ledger-parent-hash-links');
    expect(renderTerminalSummary(report)).toContain(
      'MISSING LED-01 ledger-parent-hash-links: no result was stored',
    );
  });

  it('neutralises control characters from the target, with and without colour', () => {
    const report = sampleReport({ clientVersion: 'geth\u001b]0;owned\u0007\u001b[2J\u202e' });
    const plain = renderTerminalSummary(report);
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('geth\\u{1b}]0;owned\\u{7}\\u{1b}[2J\\u{202e}');
    const coloured = renderTerminalSummary(report, { color: true });
    // Only our own SGR colour sequences remain: every ESC starts "[<digits>m".
    const afterEscapes = coloured.split('\u001b').slice(1);
    expect(afterEscapes.length).toBeGreaterThan(0);
    for (const rest of afterEscapes) expect(rest).toMatch(/^\[\d+m/);
    expect(coloured).toContain('\u001b[31m不符合 nonconform\u001b[0m');
  });
});
