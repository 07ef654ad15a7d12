import { z } from 'zod';
import { RunIdSchema } from '#core/run/RunIdSchema.ts';
import { OverallVerdictValueSchema } from '#core/scoring/ClauseVerdictSchema.ts';

/** DSSE payload type of an in-toto attestation (in-toto attestation spec, envelope layer). */
export const inTotoPayloadType = 'application/vnd.in-toto+json';
/** `_type` of an in-toto Statement v1. */
export const inTotoStatementType = 'https://in-toto.io/Statement/v1';
/**
 * What the predicate means: "this report, produced by chaineval, is the evaluation it says it is".
 * A type identifier, not a page to fetch; bump the version on an incompatible predicate change.
 */
export const sealPredicateType = 'https://chaineval.dev/attestations/sealed-report/v1';
/** The subject name: the file the digest is of, beside the envelope (reports/out/<runId>/). */
export const sealedReportFileName = 'report.json';

const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a lower-case hex SHA-256');
export const DigestSetSchema = z.object({ sha256: Sha256HexSchema });

/** The previous sealed report of the same target: the link that makes each target's reports a hash chain. */
export const SealLinkSchema = z.object({ reportId: RunIdSchema, digest: DigestSetSchema });
export type SealLink = z.infer<typeof SealLinkSchema>;

export const SealPredicateSchema = z.object({
  runId: RunIdSchema,
  createdAt: z.iso.datetime(),
  profile: z.object({ id: z.string(), version: z.string(), digest: z.string() }),
  harness: z.object({ name: z.literal('chaineval'), version: z.string() }),
  target: z.object({
    /** `sha256:` of the chain's identity (core/... targetFingerprint): family, chain id, genesis, scope. */
    fingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    family: z.string(),
    chainId: z.string(),
    genesisHash: z.string(),
    clientVersion: z.string(),
    endpoint: z.string(),
  }),
  runStatus: z.string(),
  verdict: OverallVerdictValueSchema,
  score: z.number(),
  coverage: z.number(),
  /**
   * SHA-256 of report.json's bytes exactly as written: the subject digest (canonical form) proves the
   * content, this one that not a byte of the file changed, layout included.
   */
  reportFile: DigestSetSchema,
  /** null: the first sealed report of this target the store knew of when it was sealed. */
  previous: SealLinkSchema.nullable(),
});
export type SealPredicate = z.infer<typeof SealPredicateSchema>;

/** The in-toto Statement v1 a sealed report's envelope carries (in-toto attestation spec/v1/statement.md). */
export const SealStatementSchema = z.object({
  _type: z.literal(inTotoStatementType),
  subject: z.array(z.object({ name: z.string(), digest: DigestSetSchema })).length(1),
  predicateType: z.literal(sealPredicateType),
  predicate: SealPredicateSchema,
});
export type SealStatement = z.infer<typeof SealStatementSchema>;
