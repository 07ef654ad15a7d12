import { z } from 'zod';
import { CapabilitySchema } from '../adapter/Capability.ts';
import { BilingualSchema } from '../profile/ClauseSchema.ts';
import { CheckKindSchema } from './CheckResultSchema.ts';

/** Check ids are kebab-case and stable: reports are compared across runs and vendors by id. */
export const CheckIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'check ids are kebab-case, e.g. ledger-parent-hash-links');

/**
 * What a report says about each check it ran: the registry's description of the check plus the
 * clauses the profile maps it to. Checks carry no clause ids themselves (one check, many profiles).
 */
export const CheckMetaSchema = z.object({
  id: CheckIdSchema,
  catalogueId: z.string(),
  kind: CheckKindSchema,
  title: BilingualSchema,
  clauseIds: z.array(z.string()).min(1),
  requires: z.array(CapabilitySchema),
  parameters: z.array(z.string()),
  description: z.string().min(1),
  failsWhen: z.string().min(1),
  /** Fault-proxy faults that must make it fail (the rows of `chaineval selftest`). */
  faults: z.array(z.string()),
});
export type CheckMeta = z.infer<typeof CheckMetaSchema>;
