import { ChainevalError } from '#core/errors/ChainevalError.ts';

/**
 * A Lambda received an event its schema rejects: a bad run input, or a state machine definition
 * out of step with the handlers. Step Functions shows this name as the failed state's error.
 */
export class InvalidEventError extends ChainevalError {
  override name = 'InvalidEventError' as const;
}
