import { z } from 'zod';
import { RunIdSchema } from '../run/RunIdSchema.ts';

/** A sealed report as stored: its DSSE envelope (JSON text) and the chain link it claims. */
export const StoredSealSchema = z.object({
  reportId: RunIdSchema,
  /** `sha256:` target fingerprint: which hash chain the seal belongs to. */
  targetFingerprint: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  /** Hex SHA-256 of the report's canonical form. */
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  /** The previous seal of the target this one links, or null for the first. */
  previous: z.object({ reportId: RunIdSchema, digest: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  sealedAt: z.iso.datetime(),
  /** The DSSE envelope exactly as written to report.dsse.json. */
  envelope: z.string().min(1),
});
export type StoredSeal = z.infer<typeof StoredSealSchema>;

/**
 * Where sealed reports are kept, immutably: a seal is written once (a second write of the same
 * report is refused, not applied), and each target's seals form a hash chain whose head moves only
 * from the digest a new seal links to, so two runs cannot both claim the same predecessor.
 */
export interface SealStore {
  /** Refuses with SealExistsError when the report is sealed already, ChainMovedError when the head moved. */
  putSeal(seal: StoredSeal): Promise<void>;
  /** The newest seal of a target (the chain head), or null when it has none. */
  latestSeal(targetFingerprint: string): Promise<StoredSeal | null>;
  getSeal(reportId: string): Promise<StoredSeal | null>;
}
