import type { APIGatewayProxyResult } from 'aws-lambda';
import { ApiEventSchema } from '../shared/ApiEventSchema.ts';
import { answerApi, apiResponse, parseRequest } from '../shared/apiResponse.ts';
import { awsClients } from '../shared/awsClients.ts';
import { createLambdaStore } from '../shared/createLambdaStore.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import { readLambdaEnv } from '../shared/readLambdaEnv.ts';
import { describeReportFiles } from './describeReportFiles.ts';
import { readPublication } from './readPublication.ts';
import {
  type EvaluationStatus,
  ListReportsQuerySchema,
  maxReportsPerPage,
  type ReportFile,
  RunIdPathSchema,
} from './schema.ts';

/**
 * The report's files, or none when S3 cannot be asked: a link is a convenience, the stored report
 * is the answer, so an S3 failure is logged and the report still served.
 */
async function linkReportFiles(bucket: string, runId: string): Promise<ReportFile[]> {
  try {
    return await describeReportFiles(awsClients().s3, bucket, runId);
  } catch (error) {
    logger.error('report files not linked: S3 failed', { runId, error: String(error) });
    return [];
  }
}

/**
 * The read side of the HTTP API, for the report-reader role: `GET /evaluations/{id}` (a run's status
 * and progress), `GET /reports` (newest first, by target and time) and `GET /reports/{id}` (the JSON
 * report, with a `Link` to its HTML page) and, for a finished run, presigned links to its files in
 * the report bucket. Reads the same store the CLI's `reports` command reads.
 */
export async function handler(event: unknown): Promise<APIGatewayProxyResult> {
  logger.resetKeys();
  const request = parseEvent(ApiEventSchema, event, 'apiRead');
  return answerApi(async () => {
    // Reads only; what it serves was scrubbed when the run's steps stored it.
    const env = readLambdaEnv();
    const store = createLambdaStore(env, []);
    switch (`${request.httpMethod} ${request.resource}`) {
      case 'GET /evaluations/{id}': {
        const { id } = parseRequest(RunIdPathSchema, request.pathParameters, 'path');
        const run = await store.getRun(id);
        if (!run) return apiResponse(404, { error: `no evaluation ${id}; POST /evaluations starts one` });
        const planned = run.meta.plan.steps.flatMap((s) =>
          s.kind === 'checks' ? s.checkIds : s.scenarios.flatMap((sc) => sc.checkIds),
        );
        const status: EvaluationStatus = {
          runId: id,
          status: run.meta.status,
          profile: `${run.meta.plan.profile.id}@${run.meta.plan.profile.version}`,
          endpoint: run.meta.target.endpoint,
          startedAt: run.meta.startedAt,
          ...(run.meta.finishedAt === undefined ? {} : { finishedAt: run.meta.finishedAt }),
          ...(run.meta.incompleteReason === undefined ? {} : { incompleteReason: run.meta.incompleteReason }),
          progress: {
            checksDone: run.results.filter((r) => planned.includes(r.checkId)).length,
            checksPlanned: planned.length,
          },
          ...(run.meta.status === 'running' ? {} : { reportPath: `/reports/${id}` }),
          ...(run.meta.status === 'running' || env.reportBucketName === undefined
            ? {}
            : { reportFiles: await linkReportFiles(env.reportBucketName, id) }),
        };
        const publication =
          run.meta.status === 'running'
            ? undefined
            : await readPublication(awsClients().dynamodb, env.tableName, id);
        if (publication !== undefined) return apiResponse(200, { ...status, publication });
        return apiResponse(200, status);
      }
      case 'GET /reports': {
        const query = parseRequest(ListReportsQuerySchema, request.queryStringParameters ?? {}, 'query');
        const page = await store.listReports(
          query.target === undefined && query.since === undefined ? query.limit : maxReportsPerPage,
        );
        const reports = page
          .filter((r) => query.target === undefined || r.endpoint === query.target)
          .filter((r) => query.since === undefined || Date.parse(r.createdAt) >= Date.parse(query.since))
          .slice(0, query.limit);
        return apiResponse(200, { reports });
      }
      case 'GET /reports/{id}': {
        const { id } = parseRequest(RunIdPathSchema, request.pathParameters, 'path');
        const report = await store.getReport(id);
        if (!report) return apiResponse(404, { error: `no report ${id}` });
        // The body stays the report itself (what the seal covers); its page is a link (RFC 8288).
        const html =
          env.reportBucketName === undefined
            ? undefined
            : (await linkReportFiles(env.reportBucketName, id)).find((f) => f.name === 'report.html');
        const answer = apiResponse(200, report);
        return html === undefined
          ? answer
          : {
              ...answer,
              headers: { ...answer.headers, link: `<${html.url}>; rel="alternate"; type="text/html"` },
            };
      }
      default:
        return apiResponse(404, { error: `no route ${request.httpMethod} ${request.resource}` });
    }
  });
}
