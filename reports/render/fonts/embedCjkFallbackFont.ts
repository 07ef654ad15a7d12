import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { cjkFallbackFontFamily } from '../pageCss.ts';
import { cjkFontDir } from './cjkFontDir.ts';

/**
 * Noto Sans SC (SIL OFL 1.1, LICENSE beside this file), as @fontsource-variable/noto-sans-sc ships
 * it: the variable font cut by unicode range into ~100 WOFF2 files, with `unicode.json` naming the
 * range of each; found by cjkFontDir (the package, or the copy beside a Lambda bundle).
 */
let resolvedFontDir: string | undefined;
function fontDir(): string {
  resolvedFontDir ??= cjkFontDir();
  return resolvedFontDir;
}

/**
 * The embedded face is one static instance at regular weight: with the bold axis kept (400–700)
 * the sample report's fallback grows from ~120 KB to ~195 KB of base64, for headings that the
 * browser can embolden itself. Bold text on a bare machine is therefore synthesised.
 */
const weight = 400;

interface FontChunk {
  readonly file: string;
  readonly ranges: readonly (readonly [number, number])[];
}

let chunks: Promise<FontChunk[]> | undefined;

/**
 * Embeds in a finished HTML page the package's own CJK fallback font: for each Noto Sans SC file
 * that holds a character the page uses (any character past ASCII: Han, CJK punctuation, symbols),
 * a subset with exactly those glyphs, as a base64 WOFF2 `@font-face` of `cjkFallbackFontFamily`
 * with a matching unicode-range, in a `<style>` before `</head>`. pageCss names that family last,
 * after the generic ones, so a CJK font installed on the reader's machine always wins and this one
 * draws only what nothing else can — the Chinese of a page opened on a machine with no CJK font,
 * where it would otherwise be a row of boxes. The page stays self-contained (renderPage's CSP
 * allows `font-src data:`). Subsetting is harfbuzz's (subset-font, WebAssembly): no network, no
 * native build. A page with no character past ASCII is returned as it is.
 */
export async function embedCjkFallbackFont(html: string): Promise<string> {
  const end = html.indexOf('</head>');
  if (end < 0) throw new Error('embedCjkFallbackFont needs a whole page with a </head>');
  const used = [...new Set([...html].map((c) => c.codePointAt(0)!))]
    .filter((cp) => cp > 0x7f)
    .sort((a, b) => a - b);
  if (used.length === 0) return html;
  const faces: string[] = [];
  for (const chunk of await loadChunks()) {
    const mine = used.filter((cp) => chunk.ranges.some(([from, to]) => cp >= from && cp <= to));
    if (mine.length === 0) continue;
    const font = await readFile(join(fontDir(), 'files', chunk.file));
    const subset = await subsetFont(font, String.fromCodePoint(...mine), {
      targetFormat: 'woff2',
      variationAxes: { wght: weight },
    });
    faces.push(
      `@font-face{font-family:"${cjkFallbackFontFamily}";font-style:normal;font-weight:${weight};font-display:swap;src:url(data:font/woff2;base64,${subset.toString('base64')}) format("woff2");unicode-range:${unicodeRange(mine)}}`,
    );
  }
  if (faces.length === 0) return html;
  const style = `<style>/* Noto Sans SC subset, SIL Open Font License 1.1, Google Inc.: reports/render/fonts/LICENSE-NotoSansSC.txt */\n${faces.join('\n')}\n</style>\n`;
  return `${html.slice(0, end)}${style}${html.slice(end)}`;
}

function loadChunks(): Promise<FontChunk[]> {
  chunks ??= readFile(join(fontDir(), 'unicode.json'), 'utf8').then((text) =>
    Object.entries(JSON.parse(text) as Record<string, string>).map(([key, range]) => ({
      file: `noto-sans-sc-${key.replace(/[[\]]/g, '')}-wght-normal.woff2`,
      ranges: range.split(',').map((part) => {
        const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
        return [Number.parseInt(from, 16), Number.parseInt(to, 16)] as const;
      }),
    })),
  );
  return chunks;
}

/** Sorted code points as a CSS unicode-range, consecutive runs folded: U+4e00-4e03,U+4e0a. */
function unicodeRange(codePoints: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codePoints.length; ) {
    let j = i;
    while (j + 1 < codePoints.length && codePoints[j + 1] === codePoints[j]! + 1) j++;
    const from = codePoints[i]!.toString(16);
    parts.push(j === i ? `U+${from}` : `U+${from}-${codePoints[j]!.toString(16)}`);
    i = j + 1;
  }
  return parts.join(',');
}
