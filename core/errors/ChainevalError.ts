import { harnessVersion } from '../harnessVersion.ts';

export interface ChainevalErrorOptions {
  /** Extra lines that help an operator act on the error (values seen, allowed values). */
  readonly details?: string | undefined;
  readonly cause?: unknown;
}

/**
 * Base of every error chaineval throws on purpose (bad configuration, an unusable environment,
 * a target that cannot be spoken to). A misbehaving chain is never an error: checks return a verdict.
 *
 * `shortMessage` is the one line the CLI prints; `message` adds details and the harness version.
 */
export class ChainevalError extends Error {
  readonly shortMessage: string;
  readonly details: string | undefined;
  override name = 'ChainevalError';

  constructor(shortMessage: string, options: ChainevalErrorOptions = {}) {
    const lines = [shortMessage];
    if (options.details) lines.push('', `Details: ${options.details}`);
    lines.push(`Version: chaineval@${harnessVersion}`);
    super(lines.join('\n'), options.cause === undefined ? undefined : { cause: options.cause });
    this.shortMessage = shortMessage;
    this.details = options.details;
  }
}
