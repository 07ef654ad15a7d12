import { ChainevalError } from '#core/errors/ChainevalError.ts';

/**
 * The chain disagreed with the transfer model. Thrown inside a command because that is how
 * fast-check learns a run failed; the check turns it into a `fail` verdict, never an exception.
 * `expected` and `actual` are JSON-safe (wei as decimal strings).
 */
export class ModelMismatchError extends ChainevalError {
  override name = 'ModelMismatchError' as const;
  readonly expected: unknown;
  readonly actual: unknown;

  constructor(shortMessage: string, expected: unknown, actual: unknown) {
    super(shortMessage);
    this.expected = expected;
    this.actual = actual;
  }
}
