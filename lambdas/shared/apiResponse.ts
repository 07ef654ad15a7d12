import type { APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import { ChainevalError } from '#core/errors/ChainevalError.ts';

/** A JSON answer of the HTTP API. */
export function apiResponse(statusCode: number, body: unknown): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

/** A request the API refuses: 400 (or the status given) with one line saying what was wrong. */
export class ApiRequestError extends ChainevalError {
  override name = 'ApiRequestError' as const;
  constructor(
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

/** zod at the edge of the API: the first issue as the one line of a 400. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new ApiRequestError(`invalid ${what}: ${path}${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/**
 * Runs an API handler body: a refused request or bad configuration of the request (ConfigError from
 * the core's planRun: unknown profile, parameter, shard count) becomes a 4xx with its one line;
 * anything else is a harness fault and propagates (API Gateway answers 500, the log has the stack).
 */
export async function answerApi(run: () => Promise<APIGatewayProxyResult>): Promise<APIGatewayProxyResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiRequestError) return apiResponse(error.statusCode, { error: error.shortMessage });
    if (error instanceof ChainevalError && error.name === 'ConfigError') {
      return apiResponse(400, { error: error.shortMessage });
    }
    throw error;
  }
}
