import { ChainevalError } from '#core/errors/ChainevalError.ts';

/** The operator interrupted the CLI before a run existed: nothing to store, exit 130. */
export class InterruptedError extends ChainevalError {
  override name = 'InterruptedError' as const;
}
