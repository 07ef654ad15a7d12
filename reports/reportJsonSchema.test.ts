import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { reportJsonSchema } from './reportJsonSchema.ts';

describe('reports/schema/report.schema.json', () => {
  it('matches the zod schema (npm run build:schemas regenerates it)', () => {
    const committed = readFileSync(new URL('./schema/report.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(reportJsonSchema());
  });

  it('accepts a real report and rejects one with a wrong verdict', () => {
    const ajv = new Ajv2020.default({ strict: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(reportJsonSchema()));
    const report = JSON.parse(JSON.stringify(sampleReport()));
    expect(validate(report), ajv.errorsText(validate.errors)).toBe(true);
    report.overall.verdict = 'excellent';
    expect(validate(report)).toBe(false);
  });
});
