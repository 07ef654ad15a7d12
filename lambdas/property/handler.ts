import { executeChecksStep } from '#core/run/executeChecksStep.ts';
import { countVerdicts } from '../shared/countVerdicts.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import type { SuiteStepOutput } from '../shared/SuiteStepOutput.ts';
import { withTargetStep } from '../shared/withTargetStep.ts';
import { PropertyInputSchema } from './schema.ts';

/**
 * Runs the plan's property step (nothing when the plan has none: a profile without property checks,
 * or `skip: ["property"]`); each verdict is stored as it is reached.
 */
export async function handler(event: unknown): Promise<SuiteStepOutput> {
  logger.resetKeys();
  const input = parseEvent(PropertyInputSchema, event, 'property');
  logger.appendKeys({ runId: input.runId, step: 'property' });
  const results = await withTargetStep(input, (plan, deps) =>
    plan.steps.some((s) => s.id === 'property')
      ? executeChecksStep(plan, 'property', deps)
      : Promise.resolve([]),
  );
  return { runId: input.runId, kind: 'property', verdicts: countVerdicts(results) };
}
