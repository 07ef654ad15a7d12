import type { APIGatewayProxyResult } from 'aws-lambda';
import { ApiEventSchema } from '../shared/ApiEventSchema.ts';
import { answerApi, apiResponse, parseRequest } from '../shared/apiResponse.ts';
import { createLambdaStore } from '../shared/createLambdaStore.ts';
import { logger } from '../shared/logger.ts';
import { parseEvent } from '../shared/parseEvent.ts';
import { readLambdaEnv } from '../shared/readLambdaEnv.ts';
import {
  type EvaluationStatus,
  ListReportsQuerySchema,
  maxReportsPerPage,
  RunIdPathSchema,
} from './schema.ts';

/**
 * The read side of the HTTP API, for the report-reader role: `GET /evaluations/{id}` (a run's status
 * and progress), `GET /reports` (newest first, by target and time) and `GET /reports/{id}` (the JSON
 * report). Reads the same store the CLI's `reports` command reads.
 */
export async function handler(event: unknown): Promise<APIGatewayProxyResult> {
  logger.resetKeys();
  const request = parseEvent(ApiEventSchema, event, 'apiRead');
  return answerApi(async () => {
    // Reads only; what it serves was scrubbed when the run's steps stored it.
    const store = createLambdaStore(readLambdaEnv(), []);
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
        };
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
        return report ? apiResponse(200, report) : apiResponse(404, { error: `no report ${id}` });
      }
      default:
        return apiResponse(404, { error: `no route ${request.httpMethod} ${request.resource}` });
    }
  });
}
