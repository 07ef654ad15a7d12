import { z } from 'zod';
import { BilingualSchema, ClauseIdSchema } from './ClauseSchema.ts';

/** Evidence item ids are kebab-case and stable, like check ids. */
export const EvidenceIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'evidence ids are kebab-case, e.g. hsm-certificate');

/**
 * A document a profile asks for where no probe can decide (standards.md §5 "Evidence-only items"):
 * what it is, what it must show, and the clauses it evidences. The vendor attaches it, an assessor
 * accepts it; the harness records it as 已证明 attested, never as verified.
 */
export const EvidenceItemSchema = z.strictObject({
  title: BilingualSchema,
  /** What the document must show, in a sentence an assessor checks it against. */
  asks: z.string().min(1),
  clauses: z.array(ClauseIdSchema).min(1),
});
export type EvidenceItem = z.infer<typeof EvidenceItemSchema>;
