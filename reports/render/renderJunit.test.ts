import { describe, expect, it } from 'vitest';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { renderJunit } from './renderJunit.ts';

const hostile = '<script>alert("pwned")</script>\u0000\u001b]';

describe('renderJunit', () => {
  it('has a testcase per planned check, with failures, errors and skips as such', () => {
    const report = sampleReport();
    const xml = renderJunit(report);
    expect(xml.match(/<testcase /g)).toHaveLength(report.checks.length);
    const counts = /<testsuites [^>]*tests="(\d+)" failures="(\d+)" errors="(\d+)" skipped="(\d+)"/.exec(xml);
    const results = new Map(report.results.map((r) => [r.checkId, r]));
    const byStatus = (s: string) => report.results.filter((r) => r.status === s && !r.waiver).length;
    const missing = report.checks.filter((c) => !results.has(c.id)).length;
    const waived = report.results.filter((r) => r.waiver).length;
    expect(counts?.slice(1).map(Number)).toEqual([
      report.checks.length,
      byStatus('fail'),
      byStatus('error') + missing,
      byStatus('skip') + waived,
    ]);
    expect(xml).toMatch(
      /name="TX-02 tx-raw-replay-rejected: [^"]*"[^>]*>\n[\s\S]*?<failure message="the node accepted a replay/,
    );
    expect(xml).toMatch(/<error message="inconclusive: no complete response/);
    expect(xml).toContain('<error message="no result was stored for this check" type="missing"/>');
    expect(xml).toMatch(/<skipped message="waived by requireTls=false \(required true\)/);
  });

  it('escapes a hostile client version and summary, and drops characters XML cannot carry', () => {
    const report = sampleReport({ clientVersion: hostile });
    report.results[0] = { ...report.results[0]!, summary: hostile };
    const xml = renderJunit(report);
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('\u0000');
    expect(xml).not.toContain('\u001b');
    expect(xml).toContain('&#60;script&#62;alert(&#34;pwned&#34;)&#60;/script&#62;');
  });

  it('matches the golden file', async () => {
    await expect(renderJunit(sampleReport())).toMatchFileSnapshot('./__goldens__/report.junit.xml');
  });
});
