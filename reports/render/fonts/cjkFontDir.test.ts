import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cjkFontDir } from './cjkFontDir.ts';

describe('cjkFontDir', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('finds the installed package from the source tree', () => {
    expect(cjkFontDir()).toMatch(/node_modules\/@fontsource-variable\/noto-sans-sc$/);
  });

  it('prefers the copy beside a bundle (a Lambda has no node_modules), and says what is missing when neither exists', async () => {
    const bundle = await mkdtemp(join(tmpdir(), 'chaineval-bundle-'));
    dirs.push(bundle);
    const moduleUrl = pathToFileURL(join(bundle, 'index.mjs')).href;
    expect(() => cjkFontDir(moduleUrl)).toThrow(
      /the CJK fallback font is missing: neither .*fonts\/noto-sans-sc/,
    );
    await mkdir(join(bundle, 'fonts', 'noto-sans-sc'), { recursive: true });
    await writeFile(join(bundle, 'fonts', 'noto-sans-sc', 'unicode.json'), '{}');
    expect(cjkFontDir(moduleUrl)).toBe(`${join(bundle, 'fonts', 'noto-sans-sc')}/`);
  });
});
