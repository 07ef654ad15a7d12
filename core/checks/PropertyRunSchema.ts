import { z } from 'zod';

/**
 * One command of a property suite's history as data: its class name without `Command` and its
 * arguments (account indexes, amounts as decimal strings), enough to build the same command again.
 */
export const CommandStepSchema = z.object({
  name: z.string().regex(/^[A-Z][A-Za-z]*$/),
  args: z.array(z.union([z.string(), z.number(), z.boolean()])),
});
export type CommandStep = z.infer<typeof CommandStepSchema>;

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
  /** fast-check `replayPath` of the shrunk command sequence (walks it again with `seed` + `path`). */
  replayPath: z.string().optional(),
  /**
   * The shrunk command sequence as data: what `chaineval replay` runs again, command by command,
   * without fast-check or the harness version that generated it.
   */
  commands: z.array(CommandStepSchema).optional(),
  /** Index in `commands` of the command whose assertion failed. */
  failingStep: z.number().int().nonnegative().optional(),
  /** How many smaller failing sequences fast-check found on the way to this one. */
  shrinks: z.number().int().nonnegative().optional(),
});
export type PropertyRun = z.infer<typeof PropertyRunSchema>;
