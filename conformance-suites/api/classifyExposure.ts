import type { RpcOutcome } from '#core/adapter/ChainAdapter.ts';

/** JSON-RPC 2.0 §5.1 "Method not found" (https://www.jsonrpc.org/specification#error_object). */
export const methodNotFoundCode = -32601;
/** EIP-1474 "Method not supported" (Hardhat answers unknown methods with it). */
export const methodNotSupportedCode = -32004;
/** JSON-RPC 2.0 §5.1 "Invalid params": the method exists and parsed the call. */
const invalidParamsCode = -32602;

/**
 * How nodes and gateways say a method is not there, when they do not use -32601: ganache answers
 * every error with -32700 and "The method X does not exist/is not available"; Hardhat -32004
 * "Method X is not supported"; Besu "Method not enabled". Matched on the answer's meaning, kept
 * narrow so a served method complaining about its arguments is not mistaken for a missing one.
 */
const methodMissingMessage =
  /\bmethod\b[^.]*\b(not found|does not exist|not supported|unsupported|not available|not implemented|not enabled)\b|\b(unknown|unsupported|no such) method\b/i;

/**
 * Words nodes and gateways use when they refuse the caller rather than the arguments (Besu
 * "Unauthorized", gateways "method not allowed", "permission denied"). No JSON-RPC code is standard
 * for this, so the message is read; kept narrow so "negative values not allowed" is not a refusal.
 */
const refusalMessage =
  /unauthori[sz]ed|not authori[sz]ed|forbidden|permission denied|access denied|authentication required|method (is )?not (allowed|permitted)/i;

export interface ExposureVerdict {
  readonly exposed: boolean;
  /** Why, in words an assessor can check against the recorded answer. */
  readonly reason: string;
}

/**
 * Decides whether one probe of a dangerous method shows it served (API-01, JR/T 0184-2020 16.8),
 * from the meaning of the answer. Hidden: the method is not there (-32601, -32004, or a message
 * saying so), HTTP 401/403/404/405, or an explicit refusal of the caller. Served: a result, and any
 * other error; -32602 "invalid params" above all, because the node parsed the call for that method.
 */
export function classifyExposure(outcome: RpcOutcome): ExposureVerdict {
  switch (outcome.kind) {
    case 'result':
      return { exposed: true, reason: 'answered with a result' };
    case 'http-error':
      return [401, 403, 404, 405].includes(outcome.httpStatus)
        ? { exposed: false, reason: `refused with HTTP ${outcome.httpStatus}` }
        : { exposed: true, reason: `answered HTTP ${outcome.httpStatus}, which is not a refusal` };
    case 'error': {
      const { code, message } = outcome.error;
      if (code === invalidParamsCode) {
        return {
          exposed: true,
          reason: `error ${code} "${message}": the method parsed the call, so it is served`,
        };
      }
      if (code === methodNotFoundCode || code === methodNotSupportedCode) {
        return { exposed: false, reason: `${code}: the method is not provided` };
      }
      if (methodMissingMessage.test(message))
        return { exposed: false, reason: `not provided: ${code} "${message}"` };
      if (refusalMessage.test(message)) return { exposed: false, reason: `refused: ${code} "${message}"` };
      return { exposed: true, reason: `error ${code} "${message}" shows the method is served` };
    }
  }
}
