import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../checks/CheckResultSchema.ts';
import { type Profile, ProfileSchema } from '../profile/ProfileSchema.ts';
import { scoreRun } from './scoreRun.ts';

const rubric = {
  modalWeights: { 应: 3, 宜: 2, 可: 1 },
  mandatoryModals: ['应'],
  verdictScores: { conform: 1, 'partially-conform': 0.5, nonconform: 0 },
  counting: { 'not-applicable': 'excluded', waived: 'uncovered', 'not-evaluated': 'uncovered' },
  passScore: 80,
  minCoverage: 0.5,
} as const;

const profile = (over: Partial<Record<string, unknown>> = {}): Profile =>
  ProfileSchema.parse({
    id: 'p',
    version: '1.0.0',
    title: { zh: 'p', en: 'p' },
    basis: 'test',
    purpose: 'unit test',
    clauses: [
      { id: 'm1', title: { zh: '甲', en: 'M1' }, source: 's', modal: '应', area: 'ledger' },
      { id: 'm2', title: { zh: '乙', en: 'M2' }, source: 's', modal: '应', area: 'ledger' },
      { id: 'r1', title: { zh: '丙', en: 'R1' }, source: 's', modal: '宜', area: 'performance' },
    ],
    checks: { a: ['m1'], b: ['m1'], c: ['m2'], d: ['r1'] },
    parameters: {},
    rubric,
    ...over,
  });

const result = (
  checkId: string,
  status: CheckResult['status'],
  extra: Partial<CheckResult> = {},
): CheckResult => ({
  checkId,
  kind: 'conformance',
  status,
  summary: status,
  startedAt: '2026-11-24T00:00:00.000Z',
  durationMs: 1,
  ...extra,
});
const allPass = ['a', 'b', 'c', 'd'].map((id) => result(id, 'pass'));

describe('scoreRun', () => {
  it('conforms when every clause conforms and the score reaches the pass mark', () => {
    const out = scoreRun({ profile: profile(), results: allPass, complete: true });
    expect(out.clauses.map((c) => c.verdict)).toEqual(['conform', 'conform', 'conform']);
    expect(out.score).toMatchObject({ value: 100, coverage: 1, passScore: 80, minCoverage: 0.5 });
    expect(out.overall.verdict).toBe('conform');
  });

  it('makes the run nonconform when one mandatory clause fails, whatever the score', () => {
    const out = scoreRun({
      profile: profile({ rubric: { ...rubric, passScore: 0 } }),
      results: [result('a', 'pass'), result('b', 'pass'), result('c', 'fail'), result('d', 'pass')],
      complete: true,
    });
    expect(out.clauses.find((c) => c.clauseId === 'm2')?.verdict).toBe('nonconform');
    expect(out.overall.verdict).toBe('nonconform');
    expect(out.overall.reasons[0]).toMatch(/mandatory clause m2/);
    // (3·1 + 3·0 + 2·1) / 8
    expect(out.score.value).toBe(62.5);
  });

  it('takes the modal weights and the mandatory modals from the rubric, not from code', () => {
    const results = [result('a', 'pass'), result('b', 'pass'), result('c', 'pass'), result('d', 'fail')];
    expect(scoreRun({ profile: profile(), results, complete: true }).score.value).toBe(75);
    const inverted = profile({ rubric: { ...rubric, modalWeights: { 应: 1, 宜: 3, 可: 1 } } });
    // (1 + 1 + 0) / 5
    expect(scoreRun({ profile: inverted, results, complete: true }).score.value).toBe(40);
    const recommendedMandatory = profile({ rubric: { ...rubric, mandatoryModals: ['宜'] } });
    expect(scoreRun({ profile: recommendedMandatory, results, complete: true }).overall.verdict).toBe(
      'nonconform',
    );
  });

  it('scores a clause with a pass and a fail as partially conform', () => {
    const out = scoreRun({
      profile: profile(),
      results: [result('a', 'pass'), result('b', 'fail'), result('c', 'pass'), result('d', 'pass')],
      complete: true,
    });
    expect(out.clauses[0]?.verdict).toBe('partially-conform');
    expect(out.overall.verdict).toBe('partially-conform');
  });

  it('does not call a clause conform when a check was inconclusive or missing', () => {
    const out = scoreRun({
      profile: profile({ rubric: { ...rubric, passScore: 0, minCoverage: 0 } }),
      results: [result('a', 'pass'), result('b', 'error'), result('d', 'pass')],
      complete: true,
    });
    expect(out.clauses[0]?.verdict).toBe('not-evaluated');
    expect(out.clauses[1]?.verdict).toBe('not-evaluated');
    expect(out.clauses[1]?.counts.missing).toBe(1);
    expect(out.score.coverage).toBe(0.25);
    expect(out.overall.verdict).toBe('partially-conform');
  });

  it('cannot conform below the minimum coverage: 100/100 over a quarter of the profile is inconclusive', () => {
    const out = scoreRun({
      profile: profile(),
      results: [result('a', 'pass'), result('b', 'error'), result('d', 'pass')],
      complete: true,
    });
    expect(out.score).toMatchObject({ value: 100, coverage: 0.25 });
    expect(out.overall.verdict).toBe('inconclusive');
    expect(out.overall.reasons.join('\n')).toMatch(/coverage 25% is below the profile's minimum of 50%/);
  });

  it('waives, never passes, a clause whose check passed only under a relaxed parameter', () => {
    const waiver = { parameter: 'requireTls', value: false, requirement: true, note: 'plaintext' };
    const out = scoreRun({
      profile: profile(),
      results: [
        result('a', 'pass'),
        result('b', 'pass'),
        result('c', 'skip', { skipReason: 'not-applicable', waiver }),
        result('d', 'pass'),
      ],
      complete: true,
    });
    const m2 = out.clauses.find((c) => c.clauseId === 'm2');
    expect(m2).toMatchObject({
      verdict: 'waived',
      waivedBy: [{ checkId: 'c', parameter: 'requireTls', value: false }],
    });
    // Waived counts as uncovered: in the total, not evaluated.
    expect(out.score).toMatchObject({ value: 100, evaluatedWeight: 5, totalWeight: 8 });
    expect(out.overall.verdict).toBe('partially-conform');
    expect(out.overall.reasons).toContain('mandatory clause m2 is waived by requireTls=false');
  });

  it('still fails a clause whose waived check also found a defect elsewhere', () => {
    const waiver = { parameter: 'allowedCryptoSuites', value: ['x'], requirement: ['sm2-sm3'], note: 'n' };
    const out = scoreRun({
      profile: profile(),
      results: [
        result('a', 'pass', { waiver }),
        result('b', 'fail'),
        result('c', 'pass'),
        result('d', 'pass'),
      ],
      complete: true,
    });
    expect(out.clauses[0]?.verdict).toBe('nonconform');
  });

  it('marks clauses whose checks are all not applicable as such and leaves them out of the weight', () => {
    const out = scoreRun({
      profile: profile(),
      results: [
        result('a', 'pass'),
        result('b', 'pass'),
        result('c', 'skip', { skipReason: 'not-applicable' }),
        result('d', 'pass'),
      ],
      complete: true,
    });
    expect(out.clauses[1]?.verdict).toBe('not-applicable');
    expect(out.score.totalWeight).toBe(5);
    expect(out.overall.verdict).toBe('conform');
  });

  it('reports a clause no check evidences as not evaluated, with the profile reason', () => {
    const out = scoreRun({
      profile: profile({
        clauses: [
          { id: 'm1', title: { zh: '甲', en: 'M1' }, source: 's', modal: '应', area: 'ledger' },
          {
            id: 'doc',
            title: { zh: '丁', en: 'D' },
            source: 's',
            modal: '可',
            area: 'operations',
            notEvaluatedReason: 'documents only',
          },
        ],
        checks: { a: ['m1'] },
      }),
      results: [result('a', 'pass')],
      complete: true,
    });
    expect(out.clauses[1]).toMatchObject({
      verdict: 'not-evaluated',
      reason: 'documents only',
      checkIds: [],
    });
  });

  it('reports an unfinished run as incomplete even when everything stored passed', () => {
    const out = scoreRun({ profile: profile(), results: [result('a', 'pass')], complete: false });
    expect(out.overall.verdict).toBe('incomplete');
    expect(out.overall.reasons[0]).toMatch(/did not finish/);
  });
});
