import type { ChainAdapter } from '../adapter/ChainAdapter.ts';
import type { Registry } from '../registry/Registry.ts';
import type { ResultStore } from '../store/ResultStore.ts';
import type { PlanStep } from './RunPlanSchema.ts';

/** What every step of a run needs, in either runtime. */
export interface StepDeps {
  readonly adapter: ChainAdapter;
  /** Every endpoint of the network under test, `adapter` first. @default [adapter] */
  readonly network?: readonly ChainAdapter[];
  readonly store: ResultStore;
  readonly registry: Registry;
  /** Progress lines (shown by the CLI, logged by Lambdas). */
  readonly progress: (line: string) => void;
  /** Aborted when the run is interrupted; a step stops at the next check. @default - never */
  readonly signal?: AbortSignal;
  /**
   * Told as each step begins (executePlan), e.g. so the CLI knows the `disruptive` step has begun and
   * the node it probes may now stop as a finding, not as a failure of the run.
   */
  readonly onStep?: (step: PlanStep) => void;
}
