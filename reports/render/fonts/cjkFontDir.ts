import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the Noto Sans SC files are: beside a Lambda bundle, `fonts/noto-sans-sc/` next to the
 * bundled module (infra's HarnessFunction `bundleCjkFont` copies them there: a bundle has no
 * node_modules), else the installed @fontsource-variable/noto-sans-sc package, whose exports hide
 * `files/`, so its directory is found from its LICENSE. Resolved on first use, not at import, so a
 * bundle without the font still loads (and says what is missing when a page asks for it).
 */
export function cjkFontDir(moduleUrl: string = import.meta.url): string {
  const bundled = fileURLToPath(new URL('./fonts/noto-sans-sc/', moduleUrl));
  if (existsSync(`${bundled}unicode.json`)) return bundled;
  try {
    return dirname(createRequire(moduleUrl).resolve('@fontsource-variable/noto-sans-sc/LICENSE'));
  } catch (error) {
    throw new Error(
      `the CJK fallback font is missing: neither ${bundled} nor the @fontsource-variable/noto-sans-sc package is present (run npm install, or bundle it with bundleCjkFont)`,
      { cause: error },
    );
  }
}
