import type { CheckContext, CheckDefinition } from '../checks/CheckDefinition.ts';
import type { CheckResult } from '../checks/CheckResultSchema.ts';
import { TargetError } from '../errors/TargetError.ts';

/**
 * Runs one check: skips it when the adapter lacks a capability it requires, times it, and turns a
 * transport fault into an `error` verdict (inconclusive) rather than a crash. A misbehaving chain
 * never reaches here as an exception: checks return `fail` with expected, actual and evidence.
 */
export async function runCheck(
  check: CheckDefinition,
  ctx: CheckContext,
  now: () => Date = () => new Date(),
): Promise<CheckResult> {
  const started = now();
  const base = { checkId: check.id, kind: check.kind, startedAt: started.toISOString() };
  const missing = check.requires.filter((c) => !ctx.adapter.capabilities.has(c));
  if (missing.length > 0) {
    return {
      ...base,
      status: 'skip',
      skipReason: 'unsupported-capability',
      summary: `adapter "${ctx.adapter.info.family}" lacks ${missing.join(', ')}`,
      durationMs: 0,
    };
  }
  try {
    const outcome = await check.run(ctx);
    return { ...base, ...outcome, durationMs: now().getTime() - started.getTime() };
  } catch (error) {
    // Not swallowed: the error is the check's recorded verdict, shown in the report as inconclusive.
    const message =
      error instanceof TargetError
        ? error.shortMessage
        : `harness fault: ${String(error instanceof Error ? error.message : error)}`;
    return {
      ...base,
      status: 'error',
      summary: message.split('\n')[0] ?? message,
      evidence: {
        error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
      },
      durationMs: now().getTime() - started.getTime(),
    };
  }
}
