import { finalizeRun } from '#core/run/finalizeRun.ts';
import { registry } from '#registry/index.ts';
import { createLambdaStore } from '../shared/createLambdaStore.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import { readLambdaEnv } from '../shared/readLambdaEnv.ts';
import { RunNotStartedError } from './RunNotStartedError.ts';
import { FinalizeInputSchema, type FinalizeOutput } from './schema.ts';

/**
 * Last state of every run, complete or not: scores what the store holds and stores the report. A run
 * whose plan step failed before storing it has nothing to score: that ends as RunNotStartedError with
 * the plan's reason.
 */
export async function handler(event: unknown): Promise<FinalizeOutput> {
  logger.resetKeys();
  const input = parseEvent(FinalizeInputSchema, event, 'finalize');
  logger.appendKeys({ runId: input.runId, step: 'finalize' });
  const store = createLambdaStore(readLambdaEnv());
  if (input.incompleteReason !== undefined && (await store.getRun(input.runId)) === null) {
    throw new RunNotStartedError(`run ${input.runId} did not start: ${input.incompleteReason}`);
  }
  const report = await finalizeRun(input.runId, {
    store,
    registry,
    ...(input.incompleteReason === undefined ? {} : { incompleteReason: input.incompleteReason }),
  });
  logger.info('run finalized', {
    status: report.run.status,
    verdict: report.overall.verdict,
    score: report.score.value,
    coverage: report.score.coverage,
  });
  return {
    runId: report.reportId,
    status: report.run.status,
    verdict: report.overall.verdict,
    score: report.score.value,
    coverage: report.score.coverage,
    ...(report.run.incompleteReason === undefined ? {} : { incompleteReason: report.run.incompleteReason }),
  };
}
