import { finalizeRun } from '#core/run/finalizeRun.ts';
import { registry } from '#registry/index.ts';
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
