import { ChainevalError } from '#core/errors/ChainevalError.ts';

/** A cloud run named a target the account must not be pointed at (DESIGN.md "Security posture"). */
export class TargetNotAllowedError extends ChainevalError {
  override name = 'TargetNotAllowedError' as const;
}
