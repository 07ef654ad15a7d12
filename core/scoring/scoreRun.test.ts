import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../checks/CheckResultSchema.ts';
import { type Profile, ProfileSchema } from '../profile/ProfileSchema.ts';
import { scoreRun } from './scoreRun.ts';

const meta = (id: string, clauseIds: string[]) => ({
  id,
  catalogueId: id.toUpperCase(),
  kind: 'conformance' as const,
  title: { zh: id, en: id },
  clauseIds,
  requires: [],
  description: 'd',
  failsWhen: 'f',
});

const profile: Profile = ProfileSchema.parse({
  id: 'p',
  version: '1',
  title: { zh: 'p', en: 'p' },
  basis: 'test',
  clauses: [
    { id: 'm1', title: { zh: '甲', en: 'M1' }, source: 's', modal: '应', area: 'ledger' },
    { id: 'm2', title: { zh: '乙', en: 'M2' }, source: 's', modal: '应', area: 'ledger' },
    { id: 'r1', title: { zh: '丙', en: 'R1' }, source: 's', modal: '宜', area: 'performance' },
  ],
  checks: [meta('a', ['m1']), meta('b', ['m1']), meta('c', ['m2']), meta('d', ['r1'])],
  rubric: { modalWeights: { 应: 3, 宜: 2, 可: 1 } },
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

describe('scoreRun', () => {
  it('conforms when every clause conforms and the score reaches the pass mark', () => {
    const out = scoreRun({
      profile,
      results: ['a', 'b', 'c', 'd'].map((id) => result(id, 'pass')),
      passScore: 80,
      complete: true,
    });
    expect(out.clauses.map((c) => c.verdict)).toEqual(['conform', 'conform', 'conform']);
    expect(out.score.value).toBe(100);
    expect(out.score.coverage).toBe(1);
    expect(out.overall.verdict).toBe('conform');
  });

  it('makes the run nonconform when one mandatory clause fails, whatever the score', () => {
    const out = scoreRun({
      profile,
      results: [result('a', 'pass'), result('b', 'pass'), result('c', 'fail'), result('d', 'pass')],
      passScore: 0,
      complete: true,
    });
    expect(out.clauses.find((c) => c.clauseId === 'm2')?.verdict).toBe('nonconform');
    expect(out.overall.verdict).toBe('nonconform');
    expect(out.overall.reasons[0]).toMatch(/mandatory clause m2/);
    // (3·1 + 3·0 + 2·1) / 8
    expect(out.score.value).toBe(62.5);
  });

  it('scores a clause with a pass and a fail as partially conform', () => {
    const out = scoreRun({
      profile,
      results: [result('a', 'pass'), result('b', 'fail'), result('c', 'pass'), result('d', 'pass')],
      passScore: 80,
      complete: true,
    });
    expect(out.clauses[0]?.verdict).toBe('partially-conform');
    expect(out.overall.verdict).toBe('partially-conform');
  });

  it('does not call a clause conform when a check was inconclusive or missing', () => {
    const out = scoreRun({
      profile,
      results: [result('a', 'pass'), result('b', 'error'), result('d', 'pass')],
      passScore: 0,
      complete: true,
    });
    expect(out.clauses[0]?.verdict).toBe('not-evaluated');
    expect(out.clauses[1]?.verdict).toBe('not-evaluated');
    expect(out.clauses[1]?.counts.missing).toBe(1);
    expect(out.score.coverage).toBe(0.25);
    expect(out.overall.verdict).toBe('partially-conform');
  });

  it('marks clauses whose checks are all not applicable as such and leaves them out of the weight', () => {
    const out = scoreRun({
      profile,
      results: [
        result('a', 'pass'),
        result('b', 'pass'),
        result('c', 'skip', { skipReason: 'not-applicable' }),
        result('d', 'pass'),
      ],
      passScore: 80,
      complete: true,
    });
    expect(out.clauses[1]?.verdict).toBe('not-applicable');
    expect(out.score.totalWeight).toBe(5);
    expect(out.overall.verdict).toBe('conform');
  });

  it('reports an unfinished run as incomplete even when everything stored passed', () => {
    const out = scoreRun({ profile, results: [result('a', 'pass')], passScore: 0, complete: false });
    expect(out.overall.verdict).toBe('incomplete');
    expect(out.overall.reasons[0]).toMatch(/did not finish/);
  });
});
