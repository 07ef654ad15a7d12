import { conformanceChecks } from '#conformance/conformanceChecks.ts';
import { runSuiteStep } from '#core/run/steps.ts';
import { countVerdicts } from '../shared/countVerdicts.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import type { SuiteStepOutput } from '../shared/SuiteStepOutput.ts';
import { withTargetStep } from '../shared/withTargetStep.ts';
import { ConformanceInputSchema } from './schema.ts';

/** Runs the conformance suite against the target; each verdict is stored as it is reached (core/run/steps.ts). */
export async function handler(event: unknown): Promise<SuiteStepOutput> {
  logger.resetKeys();
  const input = parseEvent(ConformanceInputSchema, event, 'conformance');
  logger.appendKeys({ runId: input.runId, step: 'conformance' });
  const results = await withTargetStep(input, (deps) => runSuiteStep('conformance', conformanceChecks, deps));
  return { runId: input.runId, kind: 'conformance', verdicts: countVerdicts(results) };
}
