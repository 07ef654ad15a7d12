import type { z } from 'zod';
import { MalformedAnswerError } from '#core/errors/TargetError.ts';

/**
 * Validates a node's answer against the schema the execution API promises. A malformed answer means
 * the harness cannot decide anything from it: a MalformedAnswerError, which a check records as
 * inconclusive.
 */
export function parseRpcResult<T extends z.ZodType>(
  schema: T,
  value: unknown,
  method: string,
  endpoint: string,
): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new MalformedAnswerError(
    `${method} on ${endpoint} returned a malformed answer: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
    { method, endpoint },
  );
}
