import type fc from 'fast-check';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { PropertySystem } from './PropertySystem.ts';

/**
 * A command of a model-based suite (fast-check's `AsyncCommand`: `check` pure, `run` acts, asserts
 * and updates the model, `toString` readable) that also states itself as data (`step`), so a shrunk
 * counterexample is stored in the report and replayed without fast-check.
 */
export interface PropertyCommand<M extends object, R = PropertySystem> extends fc.AsyncCommand<M, R> {
  step(): CommandStep;
}
