/** The `{Error, Cause}` object a Step Functions Catch puts at its ResultPath. */
export interface StepFailure {
  readonly Error: string;
  readonly Cause?: string | undefined;
}

/** RunMeta and report fields are read by people: one line, bounded. */
export const maxIncompleteReasonLength = 500;

/**
 * The `incompleteReason` of a run whose step failed. For a Lambda error, Step Functions sets Cause
 * to the runtime's JSON (`{"errorType","errorMessage","trace"}`); only the first line of the message
 * is kept (chaineval messages put the operator's line first, core/errors/ChainevalError.ts), never
 * the stack trace.
 */
export function describeStepFailure({ Error: error, Cause: cause }: StepFailure): string {
  let message = cause ?? '';
  try {
    const parsed: unknown = JSON.parse(message);
    if (
      parsed &&
      typeof parsed === 'object' &&
      'errorMessage' in parsed &&
      typeof parsed.errorMessage === 'string'
    ) {
      message = parsed.errorMessage;
    }
  } catch {
    // Not JSON: a States.* error's Cause is plain text.
  }
  const firstLine = message.split('\n', 1)[0]?.trim() ?? '';
  const reason = firstLine.length > 0 ? `${error}: ${firstLine}` : error;
  return reason.length > maxIncompleteReasonLength
    ? `${reason.slice(0, maxIncompleteReasonLength - 1)}…`
    : reason;
}
