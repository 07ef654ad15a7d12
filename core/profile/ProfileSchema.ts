import { z } from 'zod';
import { CapabilitySchema } from '../adapter/Capability.ts';
import { CheckKindSchema } from '../checks/CheckResultSchema.ts';
import { BilingualSchema, ClauseSchema, ModalSchema } from './ClauseSchema.ts';

export const CheckMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  catalogueId: z.string(),
  kind: CheckKindSchema,
  title: BilingualSchema,
  clauseIds: z.array(z.string()).min(1),
  requires: z.array(CapabilitySchema),
  description: z.string().min(1),
  failsWhen: z.string().min(1),
});

/** Scoring rubric: clause weights by modal verb; clause scores by verdict. */
export const RubricSchema = z.object({
  modalWeights: z.record(ModalSchema, z.number().nonnegative()),
});

/** A versioned evaluation profile (DESIGN.md "Evaluation model"). */
export const ProfileSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    title: BilingualSchema,
    /** Honest label of what the profile is (0193's item tables are not public: standards.md §6). */
    basis: z.string(),
    clauses: z.array(ClauseSchema).min(1),
    checks: z.array(CheckMetaSchema).min(1),
    rubric: RubricSchema,
  })
  .superRefine((profile, ctx) => {
    const clauseIds = new Set(profile.clauses.map((c) => c.id));
    const seen = new Set<string>();
    for (const check of profile.checks) {
      if (seen.has(check.id)) ctx.addIssue({ code: 'custom', message: `duplicate check id "${check.id}"` });
      seen.add(check.id);
      for (const clauseId of check.clauseIds) {
        if (!clauseIds.has(clauseId)) {
          ctx.addIssue({
            code: 'custom',
            message: `check "${check.id}" references unknown clause "${clauseId}"`,
          });
        }
      }
    }
  });
export type Profile = z.infer<typeof ProfileSchema>;
