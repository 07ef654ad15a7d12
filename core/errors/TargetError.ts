import { ChainevalError } from './ChainevalError.ts';

/**
 * The target endpoint could not be used at all: nothing answers, it is not a chain, it answered with
 * garbage or too much. Inside a running check this becomes an `error` verdict (inconclusive); before
 * the run starts it stops the run with one clear line.
 */
export class TargetError extends ChainevalError {
  override name: string = 'TargetError';
}

/** Nothing answered at the endpoint (connection refused, DNS failure, timeout before any byte). */
export class TargetUnreachableError extends TargetError {
  override name = 'TargetUnreachableError' as const;
}

/** Something answered, but not as an EVM JSON-RPC endpoint would. */
export class NotAChainEndpointError extends TargetError {
  override name = 'NotAChainEndpointError' as const;
}
