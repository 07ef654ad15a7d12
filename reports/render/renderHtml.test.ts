import { describe, expect, it } from 'vitest';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
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
      /profile <code>jrt-0193-2020@0\.3\.0<\/code> <code class="muted">sha256:[0-9a-f]{64}<\/code>/,
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
});
