import { z } from 'zod';
import type { CheckResult } from '../checks/CheckResultSchema.ts';
import { BilingualSchema, type Clause, ModalSchema } from '../profile/ClauseSchema.ts';
import type { Profile } from '../profile/ProfileSchema.ts';
import {
  type ClauseVerdictValue,
  ClauseVerdictValueSchema,
  type OverallVerdictValue,
  OverallVerdictValueSchema,
} from './ClauseVerdictSchema.ts';

export const ClauseVerdictSchema = z.object({
  clauseId: z.string(),
  title: BilingualSchema,
  source: z.string(),
  modal: ModalSchema,
  area: z.string(),
  verdict: ClauseVerdictValueSchema,
  checkIds: z.array(z.string()),
  counts: z.object({
    pass: z.number(),
    fail: z.number(),
    error: z.number(),
    skip: z.number(),
    missing: z.number(),
  }),
});
export type ClauseVerdict = z.infer<typeof ClauseVerdictSchema>;

export const ScoreSchema = z.object({
  /** Weighted score 0–100 over the clauses that were evaluated. */
  value: z.number().min(0).max(100),
  evaluatedWeight: z.number().nonnegative(),
  totalWeight: z.number().nonnegative(),
  /** Share of the profile's weight that was evaluated (0–1). */
  coverage: z.number().min(0).max(1),
});
export type Score = z.infer<typeof ScoreSchema>;

export const OverallSchema = z.object({
  verdict: OverallVerdictValueSchema,
  /** Why the verdict is what it is, one line each (mandatory clauses that fail come first). */
  reasons: z.array(z.string()),
});
export type Overall = z.infer<typeof OverallSchema>;

const clauseScore: Partial<Record<ClauseVerdictValue, number>> = {
  conform: 1,
  'partially-conform': 0.5,
  nonconform: 0,
};

/**
 * A clause's verdict from its checks' verdicts:
 * - any fail: nonconform, or partially conform when some other check passed;
 * - all decided checks pass and none errored or is missing: conform;
 * - an error (inconclusive) or a missing result with no fail: not evaluated — the evidence is
 *   incomplete, and a regulator cannot sign "conform" on it;
 * - every check skipped as not applicable: not applicable; otherwise not evaluated.
 */
export function judgeClause(
  clause: Clause,
  checkIds: readonly string[],
  results: ReadonlyMap<string, CheckResult>,
) {
  const counts = { pass: 0, fail: 0, error: 0, skip: 0, missing: 0 };
  let allNotApplicable = checkIds.length > 0;
  for (const id of checkIds) {
    const result = results.get(id);
    if (!result) {
      counts.missing += 1;
      allNotApplicable = false;
      continue;
    }
    counts[result.status] += 1;
    if (result.status !== 'skip' || result.skipReason !== 'not-applicable') allNotApplicable = false;
  }
  let verdict: ClauseVerdictValue;
  if (counts.fail > 0) verdict = counts.pass > 0 ? 'partially-conform' : 'nonconform';
  else if (counts.pass > 0 && counts.error === 0 && counts.missing === 0 && counts.skip === 0)
    verdict = 'conform';
  else if (allNotApplicable) verdict = 'not-applicable';
  else verdict = 'not-evaluated';
  return {
    clauseId: clause.id,
    title: clause.title,
    source: clause.source,
    modal: clause.modal,
    area: clause.area,
    verdict,
    checkIds: [...checkIds],
    counts,
  } satisfies ClauseVerdict;
}

export interface ScoreRunInput {
  readonly profile: Profile;
  readonly results: readonly CheckResult[];
  readonly passScore: number;
  /** False when the run stopped before every step finished. */
  readonly complete: boolean;
}

/**
 * Scores a run against the profile (DESIGN.md "Evaluation model"): weighted score over evaluated
 * clauses (weights by modal verb), and an overall verdict where any mandatory (应) clause that is
 * nonconform makes the whole run nonconform regardless of score.
 */
export function scoreRun({ profile, results, passScore, complete }: ScoreRunInput) {
  const byId = new Map(results.map((r) => [r.checkId, r]));
  const clauses = profile.clauses.map((clause) =>
    judgeClause(
      clause,
      profile.checks.filter((c) => c.clauseIds.includes(clause.id)).map((c) => c.id),
      byId,
    ),
  );

  let weighted = 0;
  let evaluatedWeight = 0;
  let totalWeight = 0;
  for (const c of clauses) {
    const weight = profile.rubric.modalWeights[c.modal] ?? 0;
    if (c.verdict !== 'not-applicable') totalWeight += weight;
    const s = clauseScore[c.verdict];
    if (s === undefined) continue;
    weighted += weight * s;
    evaluatedWeight += weight;
  }
  const score: Score = {
    value: evaluatedWeight === 0 ? 0 : Math.round((weighted / evaluatedWeight) * 1000) / 10,
    evaluatedWeight,
    totalWeight,
    coverage: totalWeight === 0 ? 0 : Math.round((evaluatedWeight / totalWeight) * 1000) / 1000,
  };

  const reasons: string[] = [];
  const mandatoryFailing = clauses.filter((c) => c.modal === '应' && c.verdict === 'nonconform');
  for (const c of mandatoryFailing)
    reasons.push(`mandatory clause ${c.clauseId} (${c.title.en}) is nonconform`);
  const mandatoryOpen = clauses.filter(
    (c) => c.modal === '应' && (c.verdict === 'partially-conform' || c.verdict === 'not-evaluated'),
  );
  for (const c of mandatoryOpen) reasons.push(`mandatory clause ${c.clauseId} is ${c.verdict}`);

  let verdict: OverallVerdictValue;
  if (!complete) {
    verdict = 'incomplete';
    reasons.unshift('the run did not finish; verdicts cover only the results obtained before it stopped');
  } else if (mandatoryFailing.length > 0) verdict = 'nonconform';
  else if (mandatoryOpen.length === 0 && score.value >= passScore) verdict = 'conform';
  else {
    verdict = 'partially-conform';
    if (score.value < passScore) reasons.push(`score ${score.value} is below the pass score ${passScore}`);
  }
  const overall: Overall = { verdict, reasons };
  return { clauses, score, overall };
}
