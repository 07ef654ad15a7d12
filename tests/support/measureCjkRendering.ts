import type { Page } from 'playwright-core';

/** Families that hold the Simplified Chinese glyphs (the report's font stack names these). */
const cjkFamily =
  /Noto Sans CJK|Noto Serif CJK|Source Han|PingFang|Microsoft YaHei|WenQuanYi|Droid Sans Fallback|AR PL/i;

export interface CjkRendering {
  /** Platform fonts chromium used for the element's text, with how many glyphs each drew. */
  readonly fonts: readonly {
    readonly familyName: string;
    readonly glyphCount: number;
    /** A web font (an @font-face of the page, e.g. the embedded CJK fallback), not a system font. */
    readonly isCustomFont: boolean;
  }[];
  /** Glyphs drawn by a font that holds CJK: each Chinese character drawn for real, not as a box. */
  readonly cjkGlyphs: number;
}

/**
 * Which fonts actually drew the text of the first element matching `selector`, from chromium's own
 * layout (DevTools CSS.getPlatformFontsForNode). Tofu (a box per character) means the glyphs came
 * from a font without them; a CJK family drawing them means they render. More robust than
 * comparing widths: a box and a glyph can be equally wide.
 */
export async function measureCjkRendering(page: Page, selector: string): Promise<CjkRendering> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (nodeId === 0) throw new Error(`no element matches ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return {
      fonts: fonts.map((f) => ({
        familyName: f.familyName,
        glyphCount: f.glyphCount,
        isCustomFont: f.isCustomFont,
      })),
      cjkGlyphs: fonts.filter((f) => cjkFamily.test(f.familyName)).reduce((n, f) => n + f.glyphCount, 0),
    };
  } finally {
    await cdp.detach();
  }
}
