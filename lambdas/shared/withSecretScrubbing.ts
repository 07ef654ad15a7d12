import { createSecretScrubber } from '#core/security/createSecretScrubber.ts';
import { logger } from './logger.ts';

/**
 * Runs one invocation's work with the secrets of its target URLs (a token in the path or query,
 * user info) masked in everything that leaves the function besides the store: its log lines, and
 * the error it fails with, whose message and stack become the state machine's `Cause` and, through
 * finalize, the run's incompleteReason. The error keeps its class and name, so Retry and Catch
 * still match it.
 */
export async function withSecretScrubbing<T>(
  targetUrls: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  const scrub = createSecretScrubber(targetUrls);
  logger.scrubWith(scrub);
  try {
    return await work();
  } catch (error) {
    throw scrubError(error, scrub);
  }
}

function scrubError(error: unknown, scrub: (text: string) => string): unknown {
  if (!(error instanceof Error)) return new Error(scrub(String(error)));
  const fields = error as unknown as Record<string, unknown>;
  // Every string field the error carries (message, stack, a TargetError's endpoint, details …).
  for (const name of new Set(['message', 'stack', ...Object.getOwnPropertyNames(error)])) {
    const value = fields[name];
    if (typeof value === 'string') {
      Object.defineProperty(error, name, { value: scrub(value), writable: true, configurable: true });
    }
  }
  // A cause is not reported by the Lambda runtime, but a caller's logger may print it.
  if (error.cause !== undefined) {
    Object.defineProperty(error, 'cause', { value: undefined, writable: true, configurable: true });
  }
  return error;
}
