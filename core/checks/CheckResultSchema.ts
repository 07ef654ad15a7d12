import { z } from 'zod';
import { LoadMetricsSchema } from './LoadMetricsSchema.ts';
import { PropertyRunSchema } from './PropertyRunSchema.ts';

export const CheckKindSchema = z.enum(['conformance', 'property', 'load']);
export type CheckKind = z.infer<typeof CheckKindSchema>;

/**
 * pass/fail: the check decided. error: the harness could not decide (timeout, transport fault) and
 * the result is inconclusive. skip: not run, with a reason.
 */
export const CheckStatusSchema = z.enum(['pass', 'fail', 'error', 'skip']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

export const SkipReasonSchema = z.enum(['unsupported-capability', 'precondition', 'not-applicable']);
export type SkipReason = z.infer<typeof SkipReasonSchema>;

/** One check's verdict, as stored (one item per run + check) and as it appears in the report. */
export const CheckResultSchema = z.object({
  checkId: z.string(),
  kind: CheckKindSchema,
  status: CheckStatusSchema,
  /** One line a person reads first: why it passed, failed, errored or was skipped. */
  summary: z.string(),
  skipReason: SkipReasonSchema.optional(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  /** Requests, responses, hashes: what an assessor needs to re-check the verdict by hand. */
  evidence: z.record(z.string(), z.unknown()).optional(),
  property: PropertyRunSchema.optional(),
  load: LoadMetricsSchema.optional(),
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;
