import { z } from 'zod';

/** How a property run can be replayed (fast-check `seed` + `path`) and what it found. */
export const PropertyRunSchema = z.object({
  seed: z.number().int(),
  /** fast-check replay path of the failing (shrunk) case; absent when the property held. */
  path: z.string().optional(),
  numRuns: z.number().int().positive(),
  commandsExecuted: z.number().int().nonnegative(),
  /** The shrunk command sequence that broke the property, one command per entry. */
  counterexample: z.array(z.string()).optional(),
  /** The assertion that failed on the counterexample. */
  failure: z.string().optional(),
});
export type PropertyRun = z.infer<typeof PropertyRunSchema>;
