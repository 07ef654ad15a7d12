import { z } from 'zod';
import { EvidenceIdSchema } from '../profile/EvidenceItemSchema.ts';

/**
 * One entry of an evidence file (`--evidence <file>`): a document attached for an evidence item of
 * the profile, its SHA-256, who attested it and when. The harness checks the digest format and that
 * the item exists; an assessor checks the document itself.
 */
export const AttestationSchema = z.strictObject({
  item: EvidenceIdSchema,
  document: z.string().min(1).max(500),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits'),
  attestedBy: z.string().min(1).max(200),
  attestedAt: z.iso.date().or(z.iso.datetime()),
  note: z.string().max(2_000).optional(),
});
export type Attestation = z.infer<typeof AttestationSchema>;

/** An evidence file: the attestations of a run. */
export const EvidenceFileSchema = z.strictObject({
  attestations: z.array(AttestationSchema),
});
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;
