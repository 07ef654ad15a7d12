import { z } from 'zod';
import { RpcTranscriptSchema } from '../run/rpcTranscript.ts';
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

/** excluded: left out of the run by the operator (`--skip`), so nothing was verified. */
export const SkipReasonSchema = z.enum([
  'unsupported-capability',
  'precondition',
  'not-applicable',
  'excluded',
]);
export type SkipReason = z.infer<typeof SkipReasonSchema>;

/**
 * A requirement the run relaxed: the check passed (or was skipped) only because a parameter holds a
 * more permissive value than the one the profile states the standard requires. The clause becomes
 * 豁免 waived, never 符合 conform (DESIGN.md "Evaluation model").
 */
export const WaiverSchema = z.object({
  parameter: z.string(),
  value: z.unknown(),
  requirement: z.unknown(),
  /** What was not verified because of it, in a sentence. */
  note: z.string(),
});
export type Waiver = z.infer<typeof WaiverSchema>;

/** One check's verdict, as stored (one item per run + check) and as it appears in the report. */
export const CheckResultSchema = z.object({
  checkId: z.string(),
  kind: CheckKindSchema,
  status: CheckStatusSchema,
  /** One line a person reads first: why it passed, failed, errored or was skipped. */
  summary: z.string(),
  skipReason: SkipReasonSchema.optional(),
  waiver: WaiverSchema.optional(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  /** Requests, responses, hashes: what an assessor needs to re-check the verdict by hand. */
  evidence: z.record(z.string(), z.unknown()).optional(),
  /** The exact requests the check sent and what came back, to reproduce the verdict by hand. */
  transcript: RpcTranscriptSchema.optional(),
  property: PropertyRunSchema.optional(),
  load: LoadMetricsSchema.optional(),
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** What a check's `run` returns; the runner adds id, kind and timing. */
export type CheckOutcome = Omit<CheckResult, 'checkId' | 'kind' | 'startedAt' | 'durationMs' | 'transcript'>;
