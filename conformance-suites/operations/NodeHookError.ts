import { ChainevalError } from '#core/errors/ChainevalError.ts';

/** An operator's node hook failed (non-zero exit, non-2xx status, timeout): the experiment could not run. */
export class NodeHookError extends ChainevalError {
  override name = 'NodeHookError' as const;
}
