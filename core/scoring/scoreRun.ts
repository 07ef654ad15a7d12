import { z } from 'zod';
import type { CheckResult } from '../checks/CheckResultSchema.ts';
import { BilingualSchema, type Clause, ModalSchema } from '../profile/ClauseSchema.ts';
import type { Profile } from '../profile/ProfileSchema.ts';
import type { Rubric } from '../profile/RubricSchema.ts';
import type { Attestation } from '../run/AttestationSchema.ts';
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
  /** Why the clause is not evaluated when the profile has nothing to evidence it. */
  reason: z.string().optional(),
  /** The documents the profile asks for this clause: attested (已证明) or missing (缺失), apart from the machine verdict. */
  evidence: z
    .array(
      z.object({
        itemId: z.string(),
        status: z.enum(['attested', 'missing']),
        document: z.string().optional(),
        sha256: z.string().optional(),
        attestedBy: z.string().optional(),
        attestedAt: z.string().optional(),
      }),
    )
    .optional(),
  /** The relaxed parameters that made it waived (never conform). */
  waivedBy: z
    .array(
      z.object({ checkId: z.string(), parameter: z.string(), value: z.unknown(), requirement: z.unknown() }),
    )
    .optional(),
});
export type ClauseVerdict = z.infer<typeof ClauseVerdictSchema>;

export const ScoreSchema = z.object({
  /** Weighted score 0–100 over the clauses that were evaluated; read it with `coverage`. */
  value: z.number().min(0).max(100),
  evaluatedWeight: z.number().nonnegative(),
  totalWeight: z.number().nonnegative(),
  /** Share of the profile's weight that was evaluated, or covered by attested documents (0–1). */
  coverage: z.number().min(0).max(1),
  /** Weight of clauses that rest on attested documents only (in the coverage, not the score). */
  attestedWeight: z.number().nonnegative().default(0),
  passScore: z.number().min(0).max(100),
  minCoverage: z.number().min(0).max(1),
});
export type Score = z.infer<typeof ScoreSchema>;

export const OverallSchema = z.object({
  verdict: OverallVerdictValueSchema,
  /** Why the verdict is what it is, one line each (mandatory clauses that fail come first). */
  reasons: z.array(z.string()),
});
export type Overall = z.infer<typeof OverallSchema>;

/**
 * A clause's verdict from its checks' results:
 * - any fail: nonconform, or partially conform when another check passed;
 * - an error (inconclusive) or a missing result: not evaluated — a regulator cannot sign on it;
 * - checks skipped as not applicable are set aside; if nothing else is left: not applicable;
 * - a pass or skip that relied on a relaxed parameter (a waiver): waived, never conform;
 * - every remaining check passed: conform; any other skip (capability, precondition): not evaluated.
 * A clause no check evidences rests on its documents: 已证明 attested when every one is attested,
 * otherwise not evaluated (with what is missing, or the profile's reason). Documents are listed
 * apart from the machine verdict and never turn it into conform.
 */
export function judgeClause(
  clause: Clause,
  checkIds: readonly string[],
  results: ReadonlyMap<string, CheckResult>,
  evidence: readonly { readonly itemId: string; readonly attestation: Attestation | undefined }[] = [],
): ClauseVerdict {
  const counts = { pass: 0, fail: 0, error: 0, skip: 0, missing: 0 };
  let notApplicable = 0;
  let otherSkips = 0;
  let realPasses = 0;
  const waivedBy: NonNullable<ClauseVerdict['waivedBy']> = [];
  for (const id of checkIds) {
    const result = results.get(id);
    if (!result) {
      counts.missing += 1;
      continue;
    }
    counts[result.status] += 1;
    if (result.waiver) {
      const { parameter, value, requirement } = result.waiver;
      waivedBy.push({ checkId: id, parameter, value, requirement });
    } else if (result.status === 'pass') realPasses += 1;
    else if (result.status === 'skip') {
      if (result.skipReason === 'not-applicable') notApplicable += 1;
      else otherSkips += 1;
    }
  }
  const documents = evidence.map(({ itemId, attestation }) =>
    attestation === undefined
      ? { itemId, status: 'missing' as const }
      : {
          itemId,
          status: 'attested' as const,
          document: attestation.document,
          sha256: attestation.sha256,
          attestedBy: attestation.attestedBy,
          attestedAt: attestation.attestedAt,
        },
  );
  const missing = documents.filter((d) => d.status === 'missing').map((d) => d.itemId);
  let verdict: ClauseVerdictValue;
  if (checkIds.length === 0)
    verdict = documents.length > 0 && missing.length === 0 ? 'attested' : 'not-evaluated';
  else if (counts.fail > 0) verdict = realPasses > 0 ? 'partially-conform' : 'nonconform';
  else if (counts.error > 0 || counts.missing > 0 || otherSkips > 0) verdict = 'not-evaluated';
  else if (waivedBy.length > 0) verdict = 'waived';
  else if (realPasses > 0) verdict = 'conform';
  else verdict = notApplicable > 0 ? 'not-applicable' : 'not-evaluated';
  return {
    clauseId: clause.id,
    title: clause.title,
    source: clause.source,
    modal: clause.modal,
    area: clause.area,
    verdict,
    checkIds: [...checkIds],
    counts,
    ...(verdict === 'not-evaluated' && checkIds.length === 0
      ? {
          reason:
            missing.length > 0
              ? `documents missing: ${missing.join(', ')} (attach them with --evidence <file>)`
              : (clause.notEvaluatedReason ?? 'nothing in the profile evidences it'),
        }
      : {}),
    ...(verdict === 'not-evaluated' && checkIds.length > 0
      ? { reason: undecidedReason(checkIds, results) }
      : {}),
    ...(documents.length > 0 ? { evidence: documents } : {}),
    ...(waivedBy.length > 0 ? { waivedBy } : {}),
  };
}

/** Why a clause with checks got no verdict: each check that did not decide, and what it said. */
function undecidedReason(checkIds: readonly string[], results: ReadonlyMap<string, CheckResult>): string {
  const parts = checkIds.flatMap((id) => {
    const result = results.get(id);
    if (!result) return [`${id}: no result`];
    if (result.status === 'error') return [`${id} inconclusive: ${result.summary}`];
    if (result.status === 'skip' && result.skipReason !== 'not-applicable')
      return [`${id} skipped: ${result.summary}`];
    return [];
  });
  return parts.join('; ');
}

export interface ScoreRunInput {
  readonly profile: Profile;
  readonly results: readonly CheckResult[];
  /** Documents attached to the run (`--evidence`). @default [] */
  readonly attestations?: readonly Attestation[];
  /** False when the run stopped before every step finished. */
  readonly complete: boolean;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Scores a run against its profile's rubric (DESIGN.md "Evaluation model"): clause weights by modal,
 * scores by verdict, undecided verdicts counted as the rubric says; any clause of a mandatory modal
 * that is nonconform makes the run nonconform regardless of score, and a run below the rubric's
 * minimum coverage cannot conform.
 */
export function scoreRun({ profile, results, complete, attestations = [] }: ScoreRunInput) {
  const rubric: Rubric = profile.rubric;
  const byId = new Map(results.map((r) => [r.checkId, r]));
  const attested = new Map(attestations.map((a) => [a.item, a]));
  const clauses = profile.clauses.map((clause) =>
    judgeClause(
      clause,
      Object.entries(profile.checks)
        .filter(([, clauseIds]) => clauseIds.includes(clause.id))
        .map(([checkId]) => checkId),
      byId,
      Object.entries(profile.evidence)
        .filter(([, item]) => item.clauses.includes(clause.id))
        .map(([itemId]) => ({ itemId, attestation: attested.get(itemId) })),
    ),
  );

  let weighted = 0;
  let evaluatedWeight = 0;
  let attestedWeight = 0;
  let totalWeight = 0;
  for (const c of clauses) {
    const weight = rubric.modalWeights[c.modal];
    if (c.verdict === 'conform' || c.verdict === 'partially-conform' || c.verdict === 'nonconform') {
      weighted += weight * rubric.verdictScores[c.verdict];
      evaluatedWeight += weight;
      totalWeight += weight;
      continue;
    }
    const counting = rubric.counting[c.verdict];
    if (counting === 'excluded') continue;
    totalWeight += weight;
    if (counting === 'zero') evaluatedWeight += weight;
    if (counting === 'covered') attestedWeight += weight;
  }
  const score: Score = {
    value: evaluatedWeight === 0 ? 0 : round1((weighted / evaluatedWeight) * 100),
    evaluatedWeight,
    totalWeight,
    coverage:
      totalWeight === 0 ? 0 : Math.round(((evaluatedWeight + attestedWeight) / totalWeight) * 1000) / 1000,
    attestedWeight,
    passScore: rubric.passScore,
    minCoverage: rubric.minCoverage,
  };

  const mandatory = (c: ClauseVerdict) => rubric.mandatoryModals.includes(c.modal);
  const reasons: string[] = [];
  const mandatoryFailing = clauses.filter((c) => mandatory(c) && c.verdict === 'nonconform');
  for (const c of mandatoryFailing)
    reasons.push(`mandatory clause ${c.clauseId} (${c.title.en}) is nonconform`);
  const mandatoryOpen = clauses.filter(
    (c) => mandatory(c) && ['partially-conform', 'not-evaluated', 'waived'].includes(c.verdict),
  );
  for (const c of mandatoryOpen.filter((c) => c.verdict !== 'not-evaluated')) {
    const why =
      c.verdict === 'waived'
        ? ` by ${(c.waivedBy ?? []).map((w) => `${w.parameter}=${JSON.stringify(w.value)}`).join(', ')}`
        : '';
    reasons.push(`mandatory clause ${c.clauseId} is ${c.verdict}${why}`);
  }
  const notEvaluated = mandatoryOpen.filter((c) => c.verdict === 'not-evaluated');
  if (notEvaluated.length > 0) {
    const needDocuments = notEvaluated.filter((c) => c.evidence?.some((e) => e.status === 'missing'));
    const listed = notEvaluated.map((c) => c.clauseId);
    reasons.push(
      `${notEvaluated.length} mandatory clause(s) not evaluated: ${listed.slice(0, 12).join(', ')}${listed.length > 12 ? ', …' : ''}` +
        (needDocuments.length > 0
          ? ` (${needDocuments.length} of them need documents: attach them with --evidence <file>)`
          : ''),
    );
  }
  const onDocuments = clauses.filter((c) => mandatory(c) && c.verdict === 'attested');
  if (onDocuments.length > 0) {
    reasons.push(
      `${onDocuments.length} mandatory clause(s) rest on attested documents only, not verified by chaineval: ${onDocuments.map((c) => c.clauseId).join(', ')}`,
    );
  }
  const covered = score.coverage >= rubric.minCoverage;
  if (!covered) {
    reasons.push(
      `coverage ${round1(score.coverage * 100)}% is below the profile's minimum of ${round1(rubric.minCoverage * 100)}%: too little was evaluated to judge`,
    );
  }

  let verdict: OverallVerdictValue;
  if (!complete) {
    verdict = 'incomplete';
    reasons.unshift('the run did not finish; verdicts cover only the results obtained before it stopped');
  } else if (mandatoryFailing.length > 0) verdict = 'nonconform';
  else if (!covered) verdict = 'inconclusive';
  else if (mandatoryOpen.length === 0 && score.value >= rubric.passScore) verdict = 'conform';
  else {
    verdict = 'partially-conform';
    if (score.value < rubric.passScore)
      reasons.push(`score ${score.value} is below the pass score ${rubric.passScore}`);
  }
  const overall: Overall = { verdict, reasons };
  return { clauses, score, overall };
}
