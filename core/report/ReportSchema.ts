import { z } from 'zod';
import { TargetInfoSchema } from '../adapter/TargetInfo.ts';
import { CheckMetaSchema } from '../checks/CheckMetaSchema.ts';
import { CheckResultSchema } from '../checks/CheckResultSchema.ts';
import { RunIdSchema } from '../run/RunIdSchema.ts';
import { RunStatusSchema } from '../run/RunMetaSchema.ts';
import { ClauseVerdictSchema, OverallSchema, ScoreSchema } from '../scoring/scoreRun.ts';

/** Bump on any incompatible change, with a CHANGELOG note: reports are an external contract. */
export const reportSchemaVersion = '2';

/**
 * The evaluation report: built only from stored results, never from logs. Everything needed to
 * reproduce the run (harness and profile versions and digest, target fingerprint, parameters, seeds)
 * is inside.
 */
export const ReportSchema = z.object({
  schemaVersion: z.literal(reportSchemaVersion),
  reportId: RunIdSchema,
  createdAt: z.iso.datetime(),
  harness: z.object({ name: z.literal('chaineval'), version: z.string() }),
  profile: z.object({
    id: z.string(),
    version: z.string(),
    /** `sha256:` of the profile's canonical content (core/profile/profileDigest.ts). */
    digest: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    basis: z.string(),
  }),
  run: z.object({
    status: RunStatusSchema,
    incompleteReason: z.string().optional(),
    startedAt: z.iso.datetime(),
    finishedAt: z.iso.datetime(),
    plannedSteps: z.array(z.string()),
  }),
  target: TargetInfoSchema,
  /** Every parameter value the run used. */
  parameters: z.record(z.string(), z.unknown()),
  /** Parameters whose value differs from the profile's default. */
  overriddenParameters: z.array(z.string()),
  checks: z.array(CheckMetaSchema),
  results: z.array(CheckResultSchema),
  clauses: z.array(ClauseVerdictSchema),
  score: ScoreSchema,
  overall: OverallSchema,
});
export type Report = z.infer<typeof ReportSchema>;

/** One row of `chaineval reports list`. */
export const ReportSummarySchema = z.object({
  reportId: RunIdSchema,
  createdAt: z.iso.datetime(),
  status: RunStatusSchema,
  endpoint: z.string(),
  chainId: z.string(),
  clientVersion: z.string(),
  profile: z.string(),
  verdict: OverallSchema.shape.verdict,
  score: z.number(),
  /** Absent for reports written with schema 1. */
  coverage: z.number().optional(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
