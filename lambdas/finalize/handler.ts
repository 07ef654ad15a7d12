import { ChainevalError } from '#core/errors/ChainevalError.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { Report } from '#core/report/ReportSchema.ts';
import { finalizeRun } from '#core/run/finalizeRun.ts';
import { registry } from '#registry/index.ts';
import { envelopeFileText } from '#reports/seal/envelopeFileText.ts';
import { StoreError } from '#reports/store/StoreError.ts';
import { awsClients } from '../shared/awsClients.ts';
import { createLambdaStore } from '../shared/createLambdaStore.ts';
import { lambdaEnvNames } from '../shared/lambdaEnvNames.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import { type LambdaEnv, readLambdaEnv } from '../shared/readLambdaEnv.ts';
import { deleteTargetUrlSecret } from './deleteTargetUrlSecret.ts';
import { publishReport } from './publishReport.ts';
import { putReportFiles } from './putReportFiles.ts';
import { RunNotStartedError } from './RunNotStartedError.ts';
import { recordPublication } from './recordPublication.ts';
import { type FinalizeInput, FinalizeInputSchema, type FinalizeOutput } from './schema.ts';

/**
 * Last state of every run, complete or not: scores what the store holds, stores the report, seals
 * it with the stack's KMS key and writes report.json, report.html and report.dsse.json to the report
 * bucket (publishReport). A run whose plan step failed before storing it has nothing to score: that
 * ends as RunNotStartedError with the plan's reason. A retry of a finalize that already sealed the
 * report writes the stored report and envelope again instead of sealing twice (seals are write-once).
 * Whatever the outcome, it then deletes the run's target URL secret (deleteTargetUrlSecret): no step
 * of the run connects to the target after this one.
 */
export async function handler(event: unknown): Promise<FinalizeOutput> {
  logger.resetKeys();
  const input = parseEvent(FinalizeInputSchema, event, 'finalize');
  logger.appendKeys({ runId: input.runId, step: 'finalize' });
  const env = readLambdaEnv();
  try {
    return await finalizeAndPublish(input, env);
  } finally {
    await forgetTargetUrl(input.runId, env);
  }
}

/** Best effort, logged: a URL secret left behind costs no verdict; its tag names the run for cleanup. */
async function forgetTargetUrl(runId: string, env: LambdaEnv): Promise<void> {
  if (env.runSecretPrefix === undefined) {
    logger.error(`the run's target URL secret was not deleted: ${lambdaEnvNames.runSecretPrefix} is not set`);
    return;
  }
  const deletion = await deleteTargetUrlSecret(awsClients().secretsManager, env.runSecretPrefix, runId);
  if (deletion.deleted)
    logger.info('target URL secret scheduled for deletion', { secretId: deletion.secretId });
  else logger.info('target URL secret not deleted', { secretId: deletion.secretId, reason: deletion.reason });
}

async function finalizeAndPublish(input: FinalizeInput, env: LambdaEnv): Promise<FinalizeOutput> {
  const { reportBucketName: bucketName, reportSigningKeyId: signingKeyId } = env;
  if (bucketName === undefined || signingKeyId === undefined) {
    throw new ConfigError(
      `finalize needs ${lambdaEnvNames.reportBucketName} and ${lambdaEnvNames.reportSigningKeyId}; redeploy the chaineval stack`,
    );
  }
  // Connects to no target: what it reads was scrubbed when the run's steps stored it.
  const store = createLambdaStore(env, []);
  const { s3, kms } = awsClients();

  const sealed = await store.getSeal(input.runId);
  if (sealed !== null) {
    const report = await store.getReport(input.runId);
    if (report === null) throw new StoreError(`report ${input.runId} is sealed but not stored`);
    const location = await putReportFiles(report, envelopeFileText(JSON.parse(sealed.envelope)), {
      s3,
      bucketName,
    });
    logger.info('run finalized before; report files written again', { location });
    return outputOf(report);
  }

  if (input.incompleteReason !== undefined && (await store.getRun(input.runId)) === null) {
    throw new RunNotStartedError(`run ${input.runId} did not start: ${input.incompleteReason}`);
  }
  const report = await finalizeRun(input.runId, {
    store,
    registry,
    ...(input.incompleteReason === undefined ? {} : { incompleteReason: input.incompleteReason }),
  });
  const { dynamodb } = awsClients();
  try {
    const published = await publishReport(report, { kms, s3, seals: store, bucketName, signingKeyId });
    await recordPublication(dynamodb, env.tableName, input.runId, {
      sealed: true,
      filesWritten: true,
      at: new Date().toISOString(),
    });
    logger.info('run finalized', {
      status: report.run.status,
      verdict: report.overall.verdict,
      score: report.score.value,
      coverage: report.score.coverage,
      location: published.location,
      sealedWith: published.keyId,
      previousReportId: published.previousReportId,
    });
    return outputOf(report);
  } catch (error) {
    // The report is stored; a KMS or S3 failure must not lose the run. It is recorded as unsealed
    // (or sealed without files) with the reason, which the API shows, and the run ends as scored;
    // the log line keeps the whole error for whoever investigates.
    const reason =
      error instanceof ChainevalError
        ? error.shortMessage
        : error instanceof Error
          ? `${error.name}: ${error.message.split('\n')[0]}`
          : String(error);
    const sealed = (await store.getSeal(input.runId)) !== null;
    await recordPublication(dynamodb, env.tableName, input.runId, {
      sealed,
      filesWritten: false,
      reason: reason.slice(0, 1_000),
      at: new Date().toISOString(),
    });
    logger.error('report stored but not published', {
      sealed,
      reason,
      error: String((error as Error)?.stack ?? error),
    });
    return { ...outputOf(report), published: false, publicationFailure: reason.slice(0, 1_000) };
  }
}

function outputOf(report: Report): FinalizeOutput {
  return {
    runId: report.reportId,
    status: report.run.status,
    verdict: report.overall.verdict,
    score: report.score.value,
    coverage: report.score.coverage,
    ...(report.run.incompleteReason === undefined ? {} : { incompleteReason: report.run.incompleteReason }),
  };
}
