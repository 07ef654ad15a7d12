import { ChainevalError, type ChainevalErrorOptions } from './ChainevalError.ts';

export interface TargetErrorOptions extends ChainevalErrorOptions {
  /** The endpoint (credentials removed) the error concerns. */
  readonly endpoint?: string | undefined;
}

/**
 * The target endpoint could not be used at all: nothing answers, it is not a chain, it answered with
 * garbage or too much. Inside a running check this becomes an `error` verdict (inconclusive); before
 * the run starts it stops the run with one clear line. Callers branch on the class and its fields,
 * never on message text.
 */
export class TargetError extends ChainevalError {
  override name: string = 'TargetError';
  readonly endpoint: string | undefined;

  constructor(shortMessage: string, options: TargetErrorOptions = {}) {
    super(shortMessage, options);
    this.endpoint = options.endpoint;
  }
}

/** Nothing answered at the endpoint (connection refused, DNS failure, timeout before any byte). */
export class TargetUnreachableError extends TargetError {
  override name = 'TargetUnreachableError' as const;
}

/** Something answered, but not as a chain endpoint of the adapter's family would. */
export class NotAChainEndpointError extends TargetError {
  override name = 'NotAChainEndpointError' as const;
}

/** The endpoint did not finish an exchange within its deadline (it may still be alive). */
export class TargetTimeoutError extends TargetError {
  override name = 'TargetTimeoutError' as const;
}

export interface RpcCallErrorOptions extends TargetErrorOptions {
  readonly method: string;
  /** The node's error code; `undefined` when the answer was an HTTP error without a JSON-RPC body. */
  readonly code: number | undefined;
  readonly httpStatus?: number | undefined;
}

/** A call the harness needed answered was refused by the node (a JSON-RPC error or an HTTP error). */
export class RpcCallError extends TargetError {
  override name = 'RpcCallError' as const;
  readonly method: string;
  readonly code: number | undefined;
  readonly httpStatus: number | undefined;

  constructor(shortMessage: string, options: RpcCallErrorOptions) {
    super(shortMessage, options);
    this.method = options.method;
    this.code = options.code;
    this.httpStatus = options.httpStatus;
  }
}

/** The node answered a call with a value that does not have the shape its API promises. */
export class MalformedAnswerError extends TargetError {
  override name = 'MalformedAnswerError' as const;
  readonly method: string;

  constructor(shortMessage: string, options: TargetErrorOptions & { readonly method: string }) {
    super(shortMessage, options);
    this.method = options.method;
  }
}
