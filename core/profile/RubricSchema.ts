import { z } from 'zod';
import { ModalSchema } from './ClauseSchema.ts';

/**
 * How a clause verdict that is not a machine decision counts:
 * - `excluded`: out of the profile's weight altogether (the clause does not apply);
 * - `uncovered`: in the total weight but not evaluated, so it lowers coverage;
 * - `covered`: in the total weight and in coverage, but not in the score (a document was attested:
 *   looked at, never verified by the harness);
 * - `zero`: evaluated with score 0.
 */
export const UndecidedCountingSchema = z.enum(['excluded', 'uncovered', 'covered', 'zero']);

/** The scoring rubric of a profile (DESIGN.md "Evaluation model"); all of it is data. */
export const RubricSchema = z.strictObject({
  /** Clause weight by modal verb. */
  modalWeights: z.strictObject({
    应: z.number().nonnegative(),
    宜: z.number().nonnegative(),
    可: z.number().nonnegative(),
  }),
  /** Modals whose nonconform clause makes the whole run nonconform, whatever the score. */
  mandatoryModals: z.array(ModalSchema),
  /** Share of a clause's weight each decided verdict earns. */
  verdictScores: z.strictObject({
    conform: z.number().min(0).max(1),
    'partially-conform': z.number().min(0).max(1),
    nonconform: z.number().min(0).max(1),
  }),
  counting: z.strictObject({
    'not-applicable': UndecidedCountingSchema,
    waived: UndecidedCountingSchema,
    'not-evaluated': UndecidedCountingSchema,
    /** A clause only documents can evidence, with all of them attested. @default 'covered' */
    attested: UndecidedCountingSchema.default('covered'),
  }),
  /** Weighted score (0–100) at or above which a run with no open mandatory clause conforms. */
  passScore: z.number().min(0).max(100),
  /** Share of the weight (0–1) that must be evaluated before a run can conform. */
  minCoverage: z.number().min(0).max(1),
});
export type Rubric = z.infer<typeof RubricSchema>;
