import { ChainevalError } from '#core/errors/ChainevalError.ts';

/**
 * The node's answer to one malformed request broke PROP-07's invariants. Thrown inside the property
 * because that is how fast-check learns a run failed; the check turns it into a `fail` verdict.
 */
export class FuzzViolationError extends ChainevalError {
  override name = 'FuzzViolationError' as const;
  /** What came back, as recorded evidence (status, content type, the body's start). */
  readonly actual: unknown;

  constructor(shortMessage: string, actual: unknown) {
    super(shortMessage);
    this.actual = actual;
  }
}
