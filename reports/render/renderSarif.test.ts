import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '#reports/fixtures/sampleReport.ts';
import { renderSarif } from './renderSarif.ts';

/**
 * The SARIF 2.1.0 JSON schema (OASIS, draft-04) as @microsoft/jest-sarif ships it (2.1.0-rtm.5, the
 * schema of the OASIS standard and the one schemastore serves), read offline from node_modules.
 */
const sarifSchema = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'),
    'utf8',
  ),
) as Record<string, unknown>;

function validateSarif(text: string) {
  // CommonJS packages: their class and plugin are the `default` of module.exports under NodeNext.
  // unicodeRegExp off: the schema's language-tag pattern is valid only without the `u` flag.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(sarifSchema);
  const valid = validate(JSON.parse(text));
  return { valid, errors: ajv.errorsText(validate.errors) };
}

describe('renderSarif', () => {
  it('is valid against the official SARIF 2.1.0 schema', () => {
    const { valid, errors } = validateSarif(
      renderSarif(sampleReport({ clientVersion: '<script>"x"</script>' })),
    );
    expect(errors).toBe('No errors');
    expect(valid).toBe(true);
  });

  it('the schema check itself rejects a broken log (so the test can fail)', () => {
    const log = JSON.parse(renderSarif(sampleReport()));
    log.runs[0].results[0].level = 'fatal';
    expect(validateSarif(JSON.stringify(log)).valid).toBe(false);
  });

  it('makes every clause a rule with a helpUri and a level from its modal verb', () => {
    const report = sampleReport();
    const log = JSON.parse(renderSarif(report));
    const rules = log.runs[0].tool.driver.rules as {
      id: string;
      helpUri: string;
      defaultConfiguration: { level: string };
    }[];
    expect(rules.map((r) => r.id)).toEqual(report.clauses.map((c) => c.clauseId));
    for (const [i, clause] of report.clauses.entries()) {
      expect(rules[i]?.defaultConfiguration.level).toBe(
        { 应: 'error', 宜: 'warning', 可: 'note' }[clause.modal],
      );
      expect(rules[i]?.helpUri).toBe(
        `urn:chaineval:profile:jrt-0193-2020:${report.profile.version}:clause:${clause.clauseId}`,
      );
    }
    const custom = JSON.parse(
      renderSarif(report, { clauseHelpUri: (p, v, c) => `https://example.org/${p}/${v}#${c}` }),
    );
    expect(custom.runs[0].tool.driver.rules[0].helpUri).toBe(
      `https://example.org/jrt-0193-2020/${report.profile.version}#${report.clauses[0]?.clauseId}`,
    );
  });

  it('gives one result per failing check, under the strictest clause it evidences', () => {
    const report = sampleReport();
    const log = JSON.parse(renderSarif(report));
    const failing = report.results.filter((r) => r.status === 'fail').map((r) => r.checkId);
    const results = log.runs[0].results as {
      ruleId: string;
      ruleIndex: number;
      level: string;
      properties: { checkId: string };
    }[];
    expect(results.map((r) => r.properties.checkId).sort()).toEqual([...failing].sort());
    for (const r of results) {
      expect(log.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      const clause = report.clauses.find((c) => c.clauseId === r.ruleId);
      expect(clause?.checkIds).toContain(r.properties.checkId);
    }
    expect(log.runs[0].properties.verdict).toBe('nonconform');
  });

  it('matches the golden file', async () => {
    await expect(renderSarif(sampleReport())).toMatchFileSnapshot('./__goldens__/report.sarif');
  });
});
