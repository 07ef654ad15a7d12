import { Blob, Face } from 'harfbuzzjs';
import { describe, expect, it } from 'vitest';
import { decompress } from 'wawoff2';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { compareReports } from '../compareReports.ts';
import { cjkFallbackFontFamily, pageCss } from '../pageCss.ts';
import { renderCompareHtml } from '../renderCompareHtml.ts';
import { renderHtml } from '../renderHtml.ts';
import { renderPage } from '../renderPage.ts';
import { sampleComparison } from '../sampleComparison.ts';
import { embedCjkFallbackFont } from './embedCjkFallbackFont.ts';

const han = /\p{Script=Han}/u;

/** Every code point the page's embedded fonts really hold (their cmaps, read by HarfBuzz). */
async function embeddedCodePoints(html: string): Promise<Set<number>> {
  const held = new Set<number>();
  for (const [, base64] of html.matchAll(/src:url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g)) {
    const sfnt = await decompress(Buffer.from(base64!, 'base64'));
    for (const cp of new Face(new Blob(sfnt)).collectUnicodes()) held.add(cp);
  }
  return held;
}

describe('embedCjkFallbackFont', () => {
  it('embeds WOFF2 subsets of Noto Sans SC that hold every Han character of the report page', async () => {
    const page = renderHtml(sampleReport());
    const html = await embedCjkFallbackFont(page);
    expect(html).toContain(`@font-face{font-family:"${cjkFallbackFontFamily}";`);
    const held = await embeddedCodePoints(html);
    const used = [...new Set([...page].filter((c) => han.test(c)))];
    expect(used.length).toBeGreaterThan(200);
    expect(used.filter((c) => !held.has(c.codePointAt(0)!))).toEqual([]);
    // A subset, not the font: nothing the page does not use.
    const onPage = new Set([...page].map((c) => c.codePointAt(0)!));
    expect([...held].filter((cp) => !onPage.has(cp))).toEqual([]);
    // The page stays self-contained: the font is a data: URL, nothing is fetched.
    expect(html).not.toMatch(/<script|<link|src="http|url\((?!data:font\/woff2;base64,)/i);
  });

  it('adds well under 300 KB to the sample report and the sample comparison', async () => {
    for (const page of [renderHtml(sampleReport()), renderCompareHtml(compareReports(sampleComparison()))]) {
      const added = Buffer.byteLength(await embedCjkFallbackFont(page)) - Buffer.byteLength(page);
      expect(added).toBeGreaterThan(50_000);
      expect(added).toBeLessThan(300_000);
    }
  });

  it('covers the Han characters of the comparison page too', async () => {
    const page = renderCompareHtml(compareReports(sampleComparison()));
    const held = await embeddedCodePoints(await embedCjkFallbackFont(page));
    expect(
      [...new Set([...page].filter((c) => han.test(c)))].filter((c) => !held.has(c.codePointAt(0)!)),
    ).toEqual([]);
  });

  it('leaves a page with nothing past ASCII as it is', async () => {
    const page = renderPage({ lang: 'en', title: 'plain', css: '', body: '<p>plain</p>' });
    expect(await embedCjkFallbackFont(page)).toBe(page);
  });

  it('is named last in both font stacks, after the generic family, so installed CJK fonts win', () => {
    const stacks = [...pageCss.matchAll(/font(?:-family)?:(?:15px\/1\.5 )?([^;}]+)/g)].map((m) => m[1]!);
    expect(stacks.length).toBeGreaterThanOrEqual(2);
    for (const stack of stacks) {
      expect(stack.endsWith(`,"${cjkFallbackFontFamily}"`)).toBe(true);
      expect(stack).toMatch(/"WenQuanYi Zen Hei",(sans-serif|monospace),"chaineval Noto Sans SC"$/);
    }
  });
});
