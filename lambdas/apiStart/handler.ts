import { ExecutionAlreadyExists, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { newRunId } from '#core/run/newRunId.ts';
import { ApiEventSchema } from '../shared/ApiEventSchema.ts';
import { ApiRequestError, answerApi, apiResponse, parseRequest } from '../shared/apiResponse.ts';
import { awsClients } from '../shared/awsClients.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import { planCloudRun } from '../shared/planCloudRun.ts';
import type { RunInput } from '../shared/RunInputSchema.ts';
import { readLambdaEnv } from '../shared/readLambdaEnv.ts';
import { claimIdempotencyKey } from './claimIdempotencyKey.ts';
import { IdempotencyKeySchema, StartEvaluationBodySchema, type StartEvaluationOutput } from './schema.ts';
import { storeTargetUrl } from './storeTargetUrl.ts';

/**
 * `POST /evaluations`: validates the request as the CLI does (the same schemas, then the core's
 * planRun with the cloud's limits, as the plan step will: a bad profile, parameter or shard count
 * is a 400 with one line before anything starts), claims the idempotency key, stores the target URL
 * as the run's own secret (storeTargetUrl: the URL may carry an API token, and the execution input
 * stays in the execution's history, so it carries only the secret's name), and starts the state
 * machine with `name` = run id (Step Functions refuses a second execution of one name, so a run id
 * is never evaluated twice).
 */
export async function handler(event: unknown): Promise<APIGatewayProxyResult> {
  logger.resetKeys();
  const request = parseEvent(ApiEventSchema, event, 'apiStart');
  return answerApi(async () => {
    const key = parseRequest(IdempotencyKeySchema, request.headers['idempotency-key'], 'request');
    const rawBody = request.isBase64Encoded
      ? Buffer.from(request.body ?? '', 'base64').toString('utf8')
      : (request.body ?? '');
    let json: unknown;
    try {
      json = JSON.parse(rawBody);
    } catch {
      throw new ApiRequestError(
        'the request body must be JSON: { "targetUrl": …, "keySecretId": …, "profile": … }',
      );
    }
    const body = parseRequest(StartEvaluationBodySchema, json, 'evaluation request');
    const env = readLambdaEnv();
    if (env.stateMachineArn === undefined || env.runSecretPrefix === undefined) {
      throw new ConfigError('the API start function lacks its settings; redeploy the chaineval stack');
    }
    const runId = newRunId();
    planCloudRun({ ...body, runId }, env);

    const { dynamodb, stepFunctions, secretsManager } = awsClients();
    const claim = await claimIdempotencyKey(dynamodb, env.tableName, key, JSON.stringify(body), runId);
    logger.appendKeys({ runId: claim.runId, step: 'apiStart' });
    const { targetUrl, ...reference } = body;
    const targetUrlSecretId = await storeTargetUrl({
      client: secretsManager,
      runSecretPrefix: env.runSecretPrefix,
      runId: claim.runId,
      targetUrl,
      fresh: claim.fresh,
    });
    const input: RunInput = { ...reference, runId: claim.runId, targetUrlSecretId };
    try {
      await stepFunctions.send(
        new StartExecutionCommand({
          stateMachineArn: env.stateMachineArn,
          name: claim.runId,
          input: JSON.stringify(input),
        }),
      );
      logger.info('run started', { fresh: claim.fresh });
    } catch (error) {
      // A repeat after the first request started it (or a retry after a crash between the claim and
      // the start): the run exists, which is what the client asked for.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
    const output: StartEvaluationOutput = {
      runId: claim.runId,
      statusPath: `/evaluations/${claim.runId}`,
      started: claim.fresh,
    };
    return apiResponse(claim.fresh ? 202 : 200, output);
  });
}
