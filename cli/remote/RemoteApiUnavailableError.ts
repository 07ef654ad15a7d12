import { ChainevalError } from '#core/errors/ChainevalError.ts';

/**
 * The API could not be reached or failed (a network error, a timeout, a 5xx): the request may be
 * retried as it was. Before a run is submitted this is bad environment (exit 1); while following one
 * it is retried a bounded number of times.
 */
export class RemoteApiUnavailableError extends ChainevalError {
  override name = 'RemoteApiUnavailableError' as const;
}
