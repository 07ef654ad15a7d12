import { TargetError } from '../errors/TargetError.ts';
import { executeChecksStep } from './executeChecksStep.ts';
import { executeLoadStep } from './executeLoadStep.ts';
import type { PlanStep, RunPlan } from './RunPlanSchema.ts';
import type { StepDeps } from './StepDeps.ts';

export interface ExecutePlanOptions {
  /**
   * Run every step at once, as the state machine's Parallel state does, except the `disruptive`
   * step, which runs after the others have ended (as its own state after the load). Steps have their
   * own accounts, so the verdicts are the same as in order. @default false
   */
  readonly concurrent?: boolean;
}

/**
 * Executes the steps of a prepared plan in one process (the CLI; the cloud runs the same steps as
 * Lambdas). Returns why the run could not finish (the target stopped answering, an interrupt), or
 * `undefined` when every step ran; what each step stored stays stored either way. Harness faults
 * are not swallowed: they propagate to the runtime, which finalizes the run as incomplete.
 */
export async function executePlan(
  plan: RunPlan,
  deps: StepDeps,
  options: ExecutePlanOptions = {},
): Promise<string | undefined> {
  const runStep = (step: PlanStep): Promise<unknown> => {
    deps.onStep?.(step);
    return step.kind === 'checks' ? executeChecksStep(plan, step.id, deps) : executeLoadStep(plan, deps);
  };
  const stopped = (): string | undefined =>
    deps.signal?.aborted ? String(deps.signal.reason ?? 'interrupted') : undefined;
  try {
    if (options.concurrent) {
      const last = plan.steps.filter((s) => s.id === 'disruptive');
      const settled = await Promise.allSettled(plan.steps.filter((s) => s.id !== 'disruptive').map(runStep));
      const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failure) throw failure.reason;
      for (const step of last) {
        const reason = stopped();
        if (reason !== undefined) return reason;
        await runStep(step);
      }
    } else {
      for (const step of plan.steps) {
        const reason = stopped();
        if (reason !== undefined) return reason;
        await runStep(step);
      }
    }
    return stopped();
  } catch (error) {
    if (error instanceof TargetError) return error.shortMessage;
    throw error;
  }
}
