import { describe, expect, it } from 'vitest';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { renderTerminalSummary } from './renderTerminalSummary.ts';

describe('renderTerminalSummary', () => {
  it('prints each clause with bilingual title, modal verb and verdict, and its checks beneath', () => {
    const lines = renderTerminalSummary(sampleReport()).split('\n');
    const at = lines.findIndex((l) => l.startsWith('0184-6.3.2'));
    expect(lines[at]).toMatch(
      /^0184-6\.3\.2\s+应 mandatory\s+部分符合 partially conform\s+防篡改与防重放 Resistance to tampering and replay$/,
    );
    expect(lines[at + 1]).toBe(
      '    FAIL    TX-02 tx-raw-replay-rejected: the node accepted a replay of included transaction 0x9f3c…',
    );
    expect(lines[at + 2]).toMatch(/^ {4}PASS {4}TX-03 tx-wrong-chain-id-rejected: /);
  });

  it('shows a waived clause with the parameter that waived it, never as a pass', () => {
    const lines = renderTerminalSummary(sampleReport()).split('\n');
    const at = lines.findIndex((l) => l.startsWith('0184-7.8'));
    expect(lines[at]).toMatch(/豁免 waived/);
    expect(lines[at + 1]).toBe('    WAIVED  by requireTls=false (required true)');
    expect(lines[at + 2]).toMatch(/^ {4}SKIP {4}NET-05 net-rpc-tls: .* \(waived\)$/);
  });

  it('aligns the title column although Chinese verdicts are double width', () => {
    const lines = renderTerminalSummary(sampleReport()).split('\n');
    const columnOf = (line: string, title: string) => {
      const prefix = line.slice(0, line.indexOf(title));
      return [...prefix].reduce((w, c) => w + (/[\u4e00-\u9fff]/.test(c) ? 2 : 1), 0);
    };
    const conform = lines.find((l) => l.startsWith('0184-7.2'))!;
    const partially = lines.find((l) => l.startsWith('0184-6.3.2'))!;
    expect(columnOf(conform, '账本防篡改')).toBe(columnOf(partially, '防篡改与防重放'));
  });

  it('ends with score always beside coverage, overall verdict with reasons, and the report id', () => {
    const text = renderTerminalSummary(sampleReport());
    expect(text).toContain(
      'Score    67.4 / 100 over 7.3% coverage (23 of 316 weight evaluated; conform needs ≥ 80 with ≥ 80% coverage)',
    );
    expect(text).toContain(
      'Overall  不符合 nonconform\n  - mandatory clause 0184-16.8 (API permission management against unauthorised calls) is nonconform\n',
    );
    expect(text).toContain(
      "  - coverage 7.3% is below the profile's minimum of 80%: too little was evaluated to judge\n",
    );
    expect(text.trimEnd().split('\n').at(-1)).toBe('Report   20261124T101500Z-1a2b3c4d');
  });

  it('reports a check of a clause that has no stored result as missing', () => {
    expect(renderTerminalSummary(sampleReport())).toContain(
      'MISSING CR-01 crypto-declared-suite: no result was stored',
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
