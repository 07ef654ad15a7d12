import { executeChecksStep } from '#core/run/executeChecksStep.ts';
import { countVerdicts } from '../shared/countVerdicts.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import type { SuiteStepOutput } from '../shared/SuiteStepOutput.ts';
import { withTargetStep } from '../shared/withTargetStep.ts';
import { ConformanceInputSchema } from './schema.ts';

/** Runs the plan's conformance step; each verdict is stored as it is reached (core/run/executeChecksStep.ts). */
export async function handler(event: unknown): Promise<SuiteStepOutput> {
  logger.resetKeys();
  const input = parseEvent(ConformanceInputSchema, event, 'conformance');
  logger.appendKeys({ runId: input.runId, step: 'conformance' });
  const results = await withTargetStep(input, (plan, deps) =>
    plan.steps.some((s) => s.id === 'conformance')
      ? executeChecksStep(plan, 'conformance', deps)
      : Promise.resolve([]),
  );
  return { runId: input.runId, kind: 'conformance', verdicts: countVerdicts(results) };
}
