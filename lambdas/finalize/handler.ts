import { jrt0193Profile } from '#conformance/profile/jrt0193Profile.ts';
import { finalizeRun } from '#core/run/steps.ts';
import { transferLoadScenario } from '#load/transferLoadScenario.ts';
import { createLambdaStore } from '../shared/createLambdaStore.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import { readLambdaEnv } from '../shared/readLambdaEnv.ts';
import { FinalizeInputSchema, type FinalizeOutput } from './schema.ts';

/** Last state of every run, complete or not: scores what the store holds and stores the report. */
export async function handler(event: unknown): Promise<FinalizeOutput> {
  logger.resetKeys();
  const input = parseEvent(FinalizeInputSchema, event, 'finalize');
  logger.appendKeys({ runId: input.runId, step: 'finalize' });
  const report = await finalizeRun(input.runId, {
    store: createLambdaStore(readLambdaEnv()),
    profile: jrt0193Profile,
    scenarios: [transferLoadScenario],
    passScore: input.parameters.passScore,
    params: input.parameters,
    ...(input.incompleteReason === undefined ? {} : { incompleteReason: input.incompleteReason }),
  });
  logger.info('run finalized', {
    status: report.run.status,
    verdict: report.overall.verdict,
    score: report.score.value,
  });
  return {
    runId: report.reportId,
    status: report.run.status,
    verdict: report.overall.verdict,
    score: report.score.value,
    ...(report.run.incompleteReason === undefined ? {} : { incompleteReason: report.run.incompleteReason }),
  };
}
