import { runSuiteStep } from '#core/run/steps.ts';
import { propertyChecks } from '#property/propertyChecks.ts';
import { countVerdicts } from '../shared/countVerdicts.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import type { SuiteStepOutput } from '../shared/SuiteStepOutput.ts';
import { withTargetStep } from '../shared/withTargetStep.ts';
import { PropertyInputSchema } from './schema.ts';

/** Runs the property suite against the target; each verdict is stored as it is reached (core/run/steps.ts). */
export async function handler(event: unknown): Promise<SuiteStepOutput> {
  logger.resetKeys();
  const input = parseEvent(PropertyInputSchema, event, 'property');
  logger.appendKeys({ runId: input.runId, step: 'property' });
  const results = await withTargetStep(input, (deps) => runSuiteStep('property', propertyChecks, deps));
  return { runId: input.runId, kind: 'property', verdicts: countVerdicts(results) };
}
