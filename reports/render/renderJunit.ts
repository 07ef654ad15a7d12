import type { CheckKind, CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { escapeXml } from './escapeXml.ts';

const kinds: readonly CheckKind[] = ['conformance', 'property', 'load'];

/**
 * The report as JUnit XML, so a vendor's CI lists every check: one testsuite per check kind, one
 * testcase per check the profile planned. fail → <failure>; error (inconclusive) and a planned check
 * with no stored result → <error>; skip, and a pass or skip that rested on a relaxed parameter
 * (waived, never a pass: DESIGN.md "Evaluation model") → <skipped>. Clause ids and the verdict ride
 * along as properties. Pure; every string is escaped.
 */
export function renderJunit(report: Report): string {
  const results = new Map(report.results.map((r) => [r.checkId, r]));
  const e = escapeXml;
  const suites = kinds
    .map((kind) => ({ kind, checks: report.checks.filter((c) => c.kind === kind) }))
    .filter((s) => s.checks.length > 0);
  // The run's identity on every suite (JUnit has no properties on <testsuites>).
  const properties = [
    ['reportId', report.reportId],
    ['profile', `${report.profile.id}@${report.profile.version}`],
    ['verdict', report.overall.verdict],
    ['score', report.score.value.toFixed(1)],
    ['coverage', report.score.coverage.toFixed(3)],
    [
      'target',
      `${report.target.family} chain ${report.target.chainId} ${report.target.clientVersion} @ ${report.target.endpoint}`,
    ],
    ['harness', `${report.harness.name} ${report.harness.version}`],
  ]
    .map(([name, value]) => `      <property name="${e(name ?? '')}" value="${e(value ?? '')}"/>`)
    .join('\n');
  const count = { tests: 0, failures: 0, errors: 0, skipped: 0, seconds: 0 };
  const body: string[] = [];
  for (const { kind, checks } of suites) {
    const suite = { tests: 0, failures: 0, errors: 0, skipped: 0, seconds: 0 };
    const cases: string[] = [];
    for (const check of checks) {
      const result = results.get(check.id);
      const outcome = outcomeOf(result);
      suite.tests += 1;
      if (outcome.tag === 'failure') suite.failures += 1;
      if (outcome.tag === 'error') suite.errors += 1;
      if (outcome.tag === 'skipped') suite.skipped += 1;
      const seconds = (result?.durationMs ?? 0) / 1000;
      suite.seconds += seconds;
      const open = `    <testcase classname="chaineval.${e(kind)}" name="${e(`${check.catalogueId} ${check.id}: ${check.title.en}`)}" time="${seconds.toFixed(3)}"`;
      const props = `      <properties>\n        <property name="clauses" value="${e(check.clauseIds.join(' '))}"/>\n        <property name="title.zh" value="${e(check.title.zh)}"/>\n      </properties>`;
      if (outcome.tag === 'pass') {
        cases.push(`${open}>\n${props}\n    </testcase>`);
        continue;
      }
      const text = outcome.text === undefined ? '' : `>${e(outcome.text)}</${outcome.tag}>`;
      cases.push(
        `${open}>\n${props}\n      <${outcome.tag} message="${e(outcome.message)}"${outcome.type ? ` type="${e(outcome.type)}"` : ''}${text || '/>'}\n    </testcase>`,
      );
    }
    for (const key of Object.keys(count) as (keyof typeof count)[]) count[key] += suite[key];
    body.push(
      `  <testsuite name="${e(`${report.profile.id} ${kind}`)}" tests="${suite.tests}" failures="${suite.failures}" errors="${suite.errors}" skipped="${suite.skipped}" time="${suite.seconds.toFixed(3)}" timestamp="${e(report.run.startedAt.replace(/Z$/, ''))}">\n    <properties>\n${properties}\n    </properties>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }

  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${e(`chaineval ${report.profile.id}@${report.profile.version} ${report.reportId}`)}" tests="${count.tests}" failures="${count.failures}" errors="${count.errors}" skipped="${count.skipped}" time="${count.seconds.toFixed(3)}">\n${body.join('\n')}\n</testsuites>\n`;
}

type Outcome =
  | { tag: 'pass' }
  | { tag: 'failure' | 'error' | 'skipped'; message: string; type?: string; text?: string };

function outcomeOf(result: CheckResult | undefined): Outcome {
  if (!result) {
    return { tag: 'error', message: 'no result was stored for this check', type: 'missing' };
  }
  if (result.waiver) {
    return {
      tag: 'skipped',
      message: `waived by ${result.waiver.parameter}=${JSON.stringify(result.waiver.value)} (required ${JSON.stringify(result.waiver.requirement)}): ${result.waiver.note}`,
    };
  }
  if (result.status === 'pass') return { tag: 'pass' };
  if (result.status === 'skip') {
    return { tag: 'skipped', message: `${result.skipReason ?? 'skipped'}: ${result.summary}` };
  }
  const detail = [
    result.expected === undefined ? undefined : `expected: ${JSON.stringify(result.expected, null, 2)}`,
    result.actual === undefined ? undefined : `actual: ${JSON.stringify(result.actual, null, 2)}`,
    result.property
      ? `replay: fast-check { seed: ${result.property.seed}, path: "${result.property.path ?? ''}" }${result.property.counterexample ? `\ncounterexample: ${result.property.counterexample.join(' → ')}` : ''}`
      : undefined,
  ]
    .filter((s) => s !== undefined)
    .join('\n');
  return result.status === 'fail'
    ? { tag: 'failure', message: result.summary, type: 'nonconformity', ...(detail ? { text: detail } : {}) }
    : {
        tag: 'error',
        message: `inconclusive: ${result.summary}`,
        type: 'inconclusive',
        ...(detail ? { text: detail } : {}),
      };
}
