import { describe, expect, it } from 'vitest';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { renderMarkdown } from './renderMarkdown.ts';

describe('renderMarkdown', () => {
  it('puts the verdict, score, profile and target fingerprint first', () => {
    const md = renderMarkdown(sampleReport());
    const head = md.slice(0, md.indexOf('## 条款 Clauses'));
    const report = sampleReport();
    expect(head).toContain(
      `**总体结论 Overall verdict: 不符合 nonconform** — score ${report.score.value.toFixed(1)} / 100, coverage`,
    );
    expect(head).toContain(
      '| Genesis hash | 0x6c7a4a9b0b5a3c1e2d8f9e0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678a |',
    );
    expect(head).toMatch(/\| Profile digest \| `sha256:[0-9a-f]{64}` \|/);
  });

  it('lists every clause bilingually with its verdict, and the failed and inconclusive checks', () => {
    const report = sampleReport();
    const md = renderMarkdown(report);
    expect(md.match(/^\| 0\d{3}-/gm)).toHaveLength(report.clauses.length);
    expect(md).toContain('防篡改与防重放<br>Resistance to tampering and replay');
    expect(md).toMatch(/## 不通过的检查 Failed checks\n\n- \*\*TX-02 tx-raw-replay-rejected\*\*/);
    expect(md).toContain('## 无法判定的检查 Inconclusive checks');
    expect(md).toContain(
      '| perf-transaction-latency | transfer-constant-rate @ 50 tx/s × 10 s | 49.6 | 100% | 498 | 812 | 990 |',
    );
  });

  it('escapes a hostile client version: no link, no HTML, no extra table column', () => {
    const md = renderMarkdown(
      sampleReport({ clientVersion: 'x | [click](http://evil) <img src=x>\n# heading' }),
    );
    expect(md).toContain('x \\| \\[click\\](http://evil) &lt;img src=x&gt; # heading');
    expect(md).not.toContain('<img');
  });

  it('matches the golden file', async () => {
    await expect(renderMarkdown(sampleReport())).toMatchFileSnapshot('./__goldens__/report.md');
  });
});
