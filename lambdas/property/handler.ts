import { executeChecksStep } from '#core/run/executeChecksStep.ts';
import { countVerdicts } from '../shared/countVerdicts.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import type { SuiteStepOutput } from '../shared/SuiteStepOutput.ts';
import { withTargetStep } from '../shared/withTargetStep.ts';
import { PropertyInputSchema } from './schema.ts';

/**
 * Runs the plan's property step, or its disruptive step (`step`: the checks that may stop the node,
 * after the load); nothing when the plan has no such step (a profile without them, or
 * `skip: ["property"]`). Each verdict is stored as it is reached.
 */
export async function handler(event: unknown): Promise<SuiteStepOutput> {
  logger.resetKeys();
  const input = parseEvent(PropertyInputSchema, event, 'property');
  logger.appendKeys({ runId: input.runId, step: input.step });
  const results = await withTargetStep(input, (plan, deps) =>
    plan.steps.some((s) => s.id === input.step)
      ? executeChecksStep(plan, input.step, deps)
      : Promise.resolve([]),
  );
  return { runId: input.runId, kind: 'property', verdicts: countVerdicts(results) };
}
