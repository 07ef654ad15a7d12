import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderChecksDoc } from './renderChecksDoc.ts';

describe('docs/checks.md', () => {
  it('is what npm run docs:checks writes from the registry and the profile', () => {
    expect(readFileSync(new URL('../docs/checks.md', import.meta.url), 'utf8')).toBe(renderChecksDoc());
  });
});
