import { describe, expect, it } from 'vitest';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { latencyBins } from './latencyBins.ts';
import { renderHtml } from './renderHtml.ts';

const hostile = '<script>alert("pwned")</script>';

describe('renderHtml', () => {
  it('escapes a hostile client version and evidence, so no markup from the target survives', () => {
    const report = sampleReport({ clientVersion: hostile });
    report.results[1] = {
      ...report.results[1]!,
      summary: '"><img src=x onerror=alert(1)>',
      evidence: { body: `</pre>${hostile}` },
    };
    const html = renderHtml(report);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('is self-contained and forbids scripts by policy', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain(`Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/url\(/);
  });

  it('shows the overall verdict, score and reasons first', () => {
    const html = renderHtml(sampleReport());
    const header = html.slice(0, html.indexOf('<main>'));
    expect(header).toContain('<strong>不符合 nonconform</strong>');
    expect(header).toContain('<strong>67.4</strong> / 100 over 覆盖率 coverage <strong>7.3%</strong>');
    expect(header).toContain('pass ≥ 80 with coverage ≥ 80%');
    expect(header).toContain(
      'mandatory clause 0184-16.8 (API permission management against unauthorised calls) is nonconform',
    );
    expect(header).toMatch(
      /profile <code>jrt-0193-2020@0\.4\.0<\/code> <code class="muted">sha256:[0-9a-f]{64}<\/code>/,
    );
    expect(header).toContain('20261124T101500Z-1a2b3c4d');
  });

  it('lists every clause bilingually with its modal verb and verdict', () => {
    const html = renderHtml(sampleReport());
    for (const fragment of [
      '防篡改与防重放<br>Resistance to tampering and replay',
      '应 mandatory',
      '宜 recommended',
      'class="v-nonconform">不符合<br>nonconform',
      'class="v-partially-conform">部分符合<br>partially conform',
      'class="v-conform">符合<br>conform',
      'class="v-waived">豁免<br>waived<br><span class="muted">waived by requireTls=false (required true)</span>',
      'class="v-not-evaluated">未评估<br>not evaluated',
    ]) {
      expect(html).toContain(fragment);
    }
  });

  it('records the target fingerprint and parameters', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain('0x6c7a4a9b0b5a3c1e2d8f9e0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678a');
    expect(html).toContain('<th>chain id</th><td>31337</td>');
    expect(html).toContain('<th>loadRateTps</th><td class="mono">50</td>');
  });

  it('gives each check its expected, actual and evidence, and property replay data', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain('id="check-tx-raw-replay-rejected"');
    expect(html).toContain(
      '<summary>实际 Actual</summary><pre>{\n  &quot;replay&quot;: &quot;accepted as 0x9f3c&quot;,\n  &quot;nonceMoves&quot;: &quot;1&quot;\n}</pre>',
    );
    expect(html).toContain('Replay: fast-check <code>{ seed: 1234567, path: "0:1:1" }</code>');
    expect(html).toContain('<li>Transfer(0 → 1, 1 wei)</li>');
    expect(html).toContain('<p class="v-waived">豁免 Waived: RPC traffic travels in plaintext');
  });

  it('tabulates load metrics and draws the p95 bound on the latency chart', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain('<th>committed TPS</th><td>49.6</td>');
    expect(html).toContain('<th>success rate</th><td>100%</td>');
    expect(html).toMatch(/<svg class="chart"[^>]*>.*p95 bound 5000 ms<\/text><\/svg>/);
  });

  it('makes control characters from the target visible instead of passing them to the browser', () => {
    const report = sampleReport({ clientVersion: 'evil\u001b[2J\u202eenil\u0000' });
    const html = renderHtml(report);
    expect(html).toContain('evil\\u{1b}[2J\\u{202e}enil\\u{0}');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting that none is left
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('names the common CJK fonts before the generic family and its own fallback last, and prints section by section', () => {
    const html = renderHtml(sampleReport());
    expect(html).toMatch(
      /font:15px\/1\.5 [^;]*"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Zen Hei",sans-serif,"chaineval Noto Sans SC";/,
    );
    expect(html).toContain('@media print{');
    expect(html).toContain('section.part{break-before:page}');
    expect(html.match(/<section class="part">/g)).toHaveLength(3);
  });

  it('speaks one language with --lang zh or en, both by default', () => {
    const both = renderHtml(sampleReport());
    const zh = renderHtml(sampleReport(), { lang: 'zh' });
    const en = renderHtml(sampleReport(), { lang: 'en' });
    expect(both).toContain('防篡改与防重放<br>Resistance to tampering and replay');
    expect(zh).toContain('<td>防篡改与防重放</td>');
    expect(zh).not.toContain('Resistance to tampering and replay');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(en).toContain('<td>Resistance to tampering and replay</td>');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Overall: <strong>nonconform</strong>');
    expect(en).not.toContain('防篡改与防重放');
  });

  it('draws clause verdicts by area as stacked bars, one per area of the profile', () => {
    const report = sampleReport();
    const html = renderHtml(report);
    const chart = html.match(
      /<svg class="chart" role="img" aria-label="各领域条款结论 Clause verdicts by area".*?<\/svg>/s,
    )?.[0];
    expect(chart).toBeDefined();
    for (const area of new Set(report.clauses.map((c) => c.area))) expect(chart).toContain(`>${area}</text>`);
    const nonconform = report.clauses.filter((c) => c.verdict === 'nonconform').length;
    expect(chart!.match(/class="f-nonconform"><title>/g)?.length ?? 0).toBeGreaterThan(0);
    expect(nonconform).toBeGreaterThan(0);
  });

  it('draws the stored latency distribution, and no distribution from an unreadable histogram', () => {
    const report = sampleReport();
    expect(renderHtml(report)).toContain('aria-label="确认时延分布 Inclusion latency distribution');
    const load = report.results.find((r) => r.load)!;
    load.load = { ...load.load!, latencyHistogram: 'not-a-histogram' };
    expect(renderHtml(report)).not.toContain('Inclusion latency distribution');
  });

  it('draws a capacity search step by step from the steps its result stored', () => {
    const report = sampleReport();
    const capacity = report.results.find((r) => r.checkId === 'perf-capacity')!;
    expect(renderHtml(report)).not.toContain('capacity-search step');
    capacity.actual = {
      steps: [
        { rateTps: 50, outcome: 'held', committedTps: 49.8, successRate: 1, p95Ms: 400, sent: 500, lost: 0 },
        {
          rateTps: 100,
          outcome: 'broke',
          committedTps: 61,
          successRate: 0.6,
          p95Ms: 4100,
          sent: 1000,
          lost: 400,
        },
      ],
    };
    const html = renderHtml(report);
    expect(html).toContain('Throughput per capacity-search step, tx/s');
    expect(html).toContain('<title>step 2: 61 tx/s committed (broke)</title>');
  });
});

describe('latencyBins', () => {
  it('bins every recorded latency of the stored HDR histogram', () => {
    const load = sampleReport().results.find((r) => r.load)!.load!;
    const bins = latencyBins(load.latencyHistogram)!;
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(load.latency.count);
    expect(bins[0]!.fromMs).toBeGreaterThan(170);
    expect(bins.at(-1)!.toMs).toBeLessThan(1030);
  });

  it('has nothing to draw for an empty or unreadable histogram', () => {
    expect(latencyBins('HISTFAAAAA')).toBeUndefined();
    expect(latencyBins('garbage')).toBeUndefined();
  });
});
