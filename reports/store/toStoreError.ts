import { ChainevalError } from '#core/errors/ChainevalError.ts';
import { StoreError } from './StoreError.ts';

const unreachable = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * A DynamoDB call's failure as one line an operator can act on, classified by the error's fields
 * (network code, abort, HTTP status), never by its text. Errors chaineval raised itself pass through.
 */
export function toStoreError(error: unknown, where: string, deadlineMs: number): ChainevalError {
  if (error instanceof ChainevalError) return error;
  const e = error as {
    name?: string;
    code?: string;
    $metadata?: { httpStatusCode?: number };
    message?: string;
  };
  const fix = 'check the endpoint, or omit --dynamodb-endpoint to use the embedded store';
  if (e.code !== undefined && unreachable.has(e.code)) {
    return new StoreError(`nothing answered at ${where} (${e.code}); ${fix}`, { cause: error });
  }
  if (e.name === 'AbortError' || e.name === 'TimeoutError') {
    return new StoreError(`${where} did not answer within ${deadlineMs} ms; ${fix}`, { cause: error });
  }
  const status = e.$metadata?.httpStatusCode;
  if (e.name === 'SyntaxError' || (status !== undefined && status >= 300 && e.name === 'UnknownError')) {
    return new StoreError(
      `${where} answered${status ? ` HTTP ${status}` : ''}, but not as DynamoDB; ${fix}`,
      {
        cause: error,
      },
    );
  }
  return new StoreError(
    `DynamoDB at ${where} refused a request: ${e.name ?? 'error'}: ${(e.message ?? '').split('\n')[0]}`,
    {
      cause: error,
    },
  );
}
