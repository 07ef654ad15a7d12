import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { harnessVersion } from './harnessVersion.ts';
import { newRunId } from './run/newRunId.ts';
import { RunIdSchema } from './run/RunIdSchema.ts';

it('records the same version as package.json', () => {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  expect(harnessVersion).toBe(pkg.version);
});

it('makes run ids that sort by start time and match the schema', () => {
  const a = newRunId(new Date('2026-11-24T10:15:00.123Z'), () => '1a2b3c4d');
  expect(a).toBe('20261124T101500Z-1a2b3c4d');
  expect(RunIdSchema.safeParse(a).success).toBe(true);
  expect(newRunId(new Date('2026-11-24T10:15:01Z')) > a).toBe(true);
});
