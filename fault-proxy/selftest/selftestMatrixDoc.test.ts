import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registry } from '#registry/index.ts';
import { detectionMatrix } from '../detectionMatrix.ts';

const doc = readFileSync(new URL('../../docs/selftest-matrix.md', import.meta.url), 'utf8');

/** docs/selftest-matrix.md is generated (`npm run docs:selftest`): it must match the registry. */
describe('docs/selftest-matrix.md', () => {
  it.each(detectionMatrix(registry).map((row) => [row.fault, row] as const))(
    'lists %s with the checks built to catch it, detected',
    (fault, row) => {
      const line = doc.split('\n').find((l) => l.startsWith(`| \`${fault}\``));
      expect(line, `${fault} is missing: run npm run docs:selftest`).toBeDefined();
      for (const checkId of row.detectedBy) expect(line).toContain(`\`${checkId}\` fail`);
      expect(line?.endsWith('| ✓ |')).toBe(true);
    },
  );
});
