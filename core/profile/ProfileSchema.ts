import { z } from 'zod';
import { CheckIdSchema } from '../checks/CheckMetaSchema.ts';
import { BilingualSchema, ClauseIdSchema, ClauseSchema } from './ClauseSchema.ts';
import { EvidenceIdSchema, EvidenceItemSchema } from './EvidenceItemSchema.ts';
import { RubricSchema } from './RubricSchema.ts';

/** A profile's value for one parameter a check reads, and why it is that value. */
export const ProfileParameterSchema = z.strictObject({
  /** @default - unset: the check decides (a fresh seed, no absolute target) and records what it used */
  default: z.json().optional(),
  /** Where the default comes from: a clause, a scheme (CAICT, PSWG) or "harness default: <why>". */
  source: z.string().min(1),
  /**
   * The value the standard itself requires, where it fixes one (TLS required, SM algorithms). A run
   * with a more permissive value is not a pass: the check reports a waiver and the clause is waived.
   */
  requirement: z.json().optional(),
});
export type ProfileParameter = z.infer<typeof ProfileParameterSchema>;

/**
 * A versioned evaluation profile, as data (profiles/<id>/profile.json; DESIGN.md "Evaluation
 * model"): clauses, which checks evidence which clauses, the parameter values the checks read, and
 * the rubric. The registry test resolves every profile against the registry (resolveProfile.ts).
 */
export const ProfileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Bump with a CHANGELOG note when clauses, the mapping, defaults or the rubric change meaning. */
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    title: BilingualSchema,
    /** Honest label of what the profile is (0193's item tables are not public: standards.md §6). */
    basis: z.string().min(1),
    /** Who the profile is for and what it leaves out. */
    purpose: z.string().min(1),
    clauses: z.array(ClauseSchema).min(1),
    /** Check id → the clauses it evidences. Run order within a kind is the order listed here. */
    checks: z.record(CheckIdSchema, z.array(ClauseIdSchema).min(1)),
    /** Documents the profile asks for where no probe can decide, and the clauses they evidence. */
    evidence: z.record(EvidenceIdSchema, EvidenceItemSchema).default({}),
    parameters: z.record(z.string(), ProfileParameterSchema),
    rubric: RubricSchema,
  })
  .superRefine((profile, ctx) => {
    const clauseIds = new Set<string>();
    for (const clause of profile.clauses) {
      if (clauseIds.has(clause.id))
        ctx.addIssue({ code: 'custom', path: ['clauses'], message: `duplicate clause id "${clause.id}"` });
      clauseIds.add(clause.id);
    }
    const evidenced = new Set<string>();
    for (const [checkId, clauses] of Object.entries(profile.checks)) {
      for (const clauseId of clauses) {
        evidenced.add(clauseId);
        if (!clauseIds.has(clauseId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['checks', checkId],
            message: `check "${checkId}" is mapped to unknown clause "${clauseId}"`,
          });
        }
      }
    }
    for (const [itemId, item] of Object.entries(profile.evidence)) {
      for (const clauseId of item.clauses) {
        evidenced.add(clauseId);
        if (!clauseIds.has(clauseId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['evidence', itemId],
            message: `evidence item "${itemId}" is mapped to unknown clause "${clauseId}"`,
          });
        }
      }
    }
    for (const clause of profile.clauses) {
      if (!evidenced.has(clause.id) && clause.notEvaluatedReason === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['clauses'],
          message: `clause "${clause.id}" has no check, no evidence item and no notEvaluatedReason; map one to it or say why none can`,
        });
      }
    }
  });
export type Profile = z.infer<typeof ProfileSchema>;
