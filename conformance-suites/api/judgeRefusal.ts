import { jsonOf, type RawHttpExchange } from './postRawHttp.ts';

export interface RefusalJudgement {
  readonly verdict: 'refused' | 'tolerated' | 'not-refused';
  /** How the node answered, in words an assessor checks against the recorded exchange. */
  readonly how: string;
}

/** The code of a JSON-RPC error object at the start of a body, with no `result` before it. */
const truncatedError = /^\s*\{(?:(?!"result")[^{])*"error"\s*:\s*\{(?:\s*"code"\s*:\s*(-?\d+))?/;

const isErrorObject = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { error?: { code?: unknown } }).error?.code === 'number';

/**
 * Whether the node refused a request it must not act on (API-05). Refused: a JSON-RPC error object
 * (any code, at any HTTP status: the code is API-02's business), or an HTTP 4xx. Tolerated: the
 * server closed the connection without an answer (a transport-level size limit). Not refused: a
 * result, an HTTP 5xx or 2xx without a JSON-RPC error (a crash page, an HTML error), or no answer in time.
 */
export function judgeRefusal(exchange: RawHttpExchange): RefusalJudgement {
  if (exchange.kind === 'no-answer') {
    return exchange.code === 'EPIPE' || exchange.code === 'ECONNRESET'
      ? { verdict: 'tolerated', how: `closed the connection without an answer (${exchange.code})` }
      : { verdict: 'not-refused', how: `no answer (${exchange.code})` };
  }
  const value = jsonOf(exchange);
  const status = exchange.httpStatus;
  if (exchange.truncated) {
    // Too large to parse whole: a JSON-RPC error announces itself in its first members.
    const error = truncatedError.exec(exchange.body.slice(0, 200));
    return error !== null
      ? {
          verdict: 'refused',
          how: `error ${error[1] ?? '(code past the cut)'} (HTTP ${status}; an answer over ${exchange.body.length} bytes, cut)`,
        }
      : {
          verdict: 'not-refused',
          how: `HTTP ${status} with an answer over ${exchange.body.length} bytes that does not start as a JSON-RPC error`,
        };
  }
  if (isErrorObject(value))
    return {
      verdict: 'refused',
      how: `error ${(value as { error: { code: number } }).error.code} (HTTP ${status})`,
    };
  if (Array.isArray(value) && value.length > 0 && value.every(isErrorObject))
    return { verdict: 'refused', how: `a batch of errors (HTTP ${status})` };
  if (status >= 400 && status < 500) return { verdict: 'refused', how: `HTTP ${status}` };
  if (typeof value === 'object' && value !== null && 'result' in value)
    return {
      verdict: 'not-refused',
      how: `answered with a result ${JSON.stringify((value as { result: unknown }).result).slice(0, 60)} (HTTP ${status})`,
    };
  return {
    verdict: 'not-refused',
    how: `HTTP ${status} ${value === undefined ? `with a ${exchange.body.trim() === '' ? 'empty body' : 'body that is not JSON'}` : 'with JSON that is no JSON-RPC error'} (${exchange.contentType ?? 'no content type'})`,
  };
}
