import { ChainevalError } from '#core/errors/ChainevalError.ts';

/**
 * The plan step failed before it stored the run (a refused target, a bad profile or parameter, an
 * unreadable key): there is nothing to score and no report. The execution ends with this error and
 * the plan's own reason, instead of a store lookup failing in its place.
 */
export class RunNotStartedError extends ChainevalError {
  override name = 'RunNotStartedError' as const;
}
