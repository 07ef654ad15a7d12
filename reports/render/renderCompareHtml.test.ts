import { describe, expect, it } from 'vitest';
import { compareReports } from './compareReports.ts';
import { renderCompareHtml } from './renderCompareHtml.ts';
import { sampleComparison } from './sampleComparison.ts';

describe('renderCompareHtml', () => {
  it('matches the golden comparison page (a deliberate change: npx vitest run -u, then read the diff)', async () => {
    await expect(renderCompareHtml(compareReports(sampleComparison()))).toMatchFileSnapshot(
      './__goldens__/compare.html',
    );
  });

  it('opens with the comparability warnings, naming the differing parameters with their values', () => {
    const html = renderCompareHtml(compareReports(sampleComparison()));
    const warnings = html.indexOf('<section class="warnings">');
    expect(warnings).toBeGreaterThan(0);
    expect(warnings).toBeLessThan(html.indexOf('<main>'));
    expect(html).toContain('ledgerSampleBlocks is 32 in A; 64 in B');
    expect(html).toContain('20261124T101500Z-1a2b3c4d');
    expect(html).toContain('20261125T090000Z-5e6f7a8b');
  });

  it('draws p95 latency and committed throughput per report as inline SVG, with no external asset or script', () => {
    const html = renderCompareHtml(compareReports(sampleComparison()));
    expect(html).toContain('aria-label="p95 latency, ms (shorter is better)"');
    expect(html).toContain('aria-label="committed throughput, tx/s (longer is better)"');
    expect(html).toMatch(
      /<rect x="24" y="22" width="98\.2" height="16" class="bar b0"\/><text [^>]*>812 ms<\/text>/,
    );
    expect(html).toMatch(
      /<rect x="24" y="44" width="300\.0" height="16" class="bar b1"\/><text [^>]*>2480 ms<\/text>/,
    );
    expect(html).not.toMatch(/<script|<link|src="http|href="http|url\(/i);
  });

  it("overlays the reports' latency distributions in one SVG: a step line and a p95 mark per report, distinct dashes, a legend", () => {
    const html = renderCompareHtml(compareReports(sampleComparison()));
    const svg = /<svg class="chart overlay"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('aria-label="确认时延分布对比 Inclusion latency distributions');
    const lines = [...svg.matchAll(/<polyline class="series s(\d)" points="([^"]+)"([^>]*)>/g)];
    expect(lines.map((m) => m[1])).toEqual(['0', '1']);
    // 24 bins → 2 points per bin plus the two feet on the axis.
    for (const m of lines) expect(m[2]!.split(' ')).toHaveLength(50);
    // Greyscale print: A solid, B dashed, in different colours.
    expect(lines[0]![3]).not.toContain('stroke-dasharray');
    expect(lines[1]![3]).toContain('stroke-dasharray="8 4"');
    expect(lines[0]![3]).not.toBe(lines[1]![3]);
    expect(svg).toMatch(/<line class="p95 s0"[^>]*\/><text [^>]*>A p95<\/text>/);
    expect(svg).toMatch(/<line class="p95 s1"[^>]*\/><text [^>]*>B p95<\/text>/);
    expect(svg).toContain('>A — p95 812 ms</text>');
    expect(svg).toContain('>B — p95 2480 ms</text>');
  });

  it('says "no distribution stored" for a report without a readable histogram and draws nothing for it', () => {
    const [a, b] = sampleComparison();
    const bare = {
      ...b,
      results: b.results.map((r) => (r.load ? { ...r, load: { ...r.load, latencyHistogram: '' } } : r)),
    };
    const html = renderCompareHtml(compareReports([a, bare]));
    const svg = /<svg class="chart overlay"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    expect(svg).toContain('class="muted">B — no distribution stored</text>');
    expect(svg).not.toContain('class="series s1"');
    expect(svg).not.toContain('class="p95 s1"');
    expect(svg).toContain('class="series s0"');
  });

  it('overlays committed throughput over time from the stored per-second series, and names a report without one', () => {
    const [a, b] = sampleComparison();
    const both = renderCompareHtml(compareReports([a, b]));
    const svg = /<svg class="chart overlay-throughput"[\s\S]*?<\/svg>/.exec(both)?.[0] ?? '';
    const series = a.results.find((r) => r.load?.series)?.load?.series;
    expect(series).toBeDefined();
    // One point per stored point, per report; tx/s = committed / point width.
    const lines = [...svg.matchAll(/<polyline class="series s(\d)" points="([^"]+)"/g)];
    expect(lines.map((m) => m[1])).toEqual(['0', '1']);
    expect(lines[0]![2]!.split(' ')).toHaveLength(series!.committed.length);
    expect(svg).toContain('stroke-dasharray="8 4"');

    const bare = {
      ...b,
      results: b.results.map((r) => (r.load ? { ...r, load: { ...r.load, series: undefined } } : r)),
    };
    const one = /<svg class="chart overlay-throughput"[\s\S]*?<\/svg>/.exec(
      renderCompareHtml(compareReports([a, bare])),
    )?.[0];
    expect(one).toContain('class="muted">B — no per-second series stored</text>');
    expect(one).not.toContain('class="series s1"');
  });

  it('draws no overlay when only one report holds the load check', () => {
    const [a, b] = sampleComparison();
    const noLoad = { ...b, results: b.results.filter((r) => !r.load) };
    const html = renderCompareHtml(compareReports([a, noLoad]));
    expect(html).not.toContain('class="chart overlay"');
    expect(html).not.toContain('class="chart overlay-throughput"');
  });

  it('escapes everything that comes from a report', () => {
    const html = renderCompareHtml(compareReports(sampleComparison()));
    expect(html).not.toContain('<b>2.1</b>');
    expect(html).toContain('VendorChain/&lt;b&gt;2.1&lt;/b&gt;\\u{1b}[2J');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that none is left
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('says the reports are comparable when nothing differs', () => {
    const [a] = sampleComparison();
    const html = renderCompareHtml(compareReports([a, { ...a, reportId: '20261124T111500Z-0a0b0c0d' }]));
    expect(html).toContain('class="ok">可比 Comparable');
    expect(html).not.toContain('class="warnings"');
  });

  it('speaks one language with lang zh or en', () => {
    const model = compareReports(sampleComparison());
    const en = renderCompareHtml(model, { lang: 'en' });
    const zh = renderCompareHtml(model, { lang: 'zh' });
    expect(en).toContain('<h1>Report comparison<br>');
    expect(en).not.toContain('报告对比');
    expect(zh).toContain('<h1>报告对比<br>');
    expect(zh).not.toContain('Report comparison');
  });
});
