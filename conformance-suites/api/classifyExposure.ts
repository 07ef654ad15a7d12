import type { RpcOutcome } from '#core/adapter/ChainAdapter.ts';

/** JSON-RPC 2.0 §5.1 "Method not found" (https://www.jsonrpc.org/specification#error_object). */
export const methodNotFoundCode = -32601;

/** JSON-RPC 2.0 §5.1 "Invalid params": the method exists and parsed the call. */
const invalidParamsCode = -32602;

/**
 * Words nodes and gateways use when they refuse a caller or a disabled method rather than the
 * arguments (Besu -32604 "Method not enabled", "Unauthorized"; gateways "method not allowed",
 * "permission denied"). Only messages are matched, as no JSON-RPC code is standard for this; kept
 * narrow so an argument complaint ("negative values not allowed") is not mistaken for a refusal.
 */
const refusalMessage =
  /unauthori[sz]ed|not authori[sz]ed|forbidden|permission denied|access denied|authentication required|method (is )?not (allowed|permitted|enabled|available)/i;

export interface ExposureVerdict {
  readonly exposed: boolean;
  /** Why, in words an assessor can check against the recorded answer. */
  readonly reason: string;
}

/**
 * Decides whether one probe of a dangerous method shows it reachable (API-01, JR/T 0184-2020 16.8).
 * Hidden: -32601, HTTP 401/403, or an explicit refusal of the caller or a disabled method. Exposed:
 * anything else — a result, and any other error; -32602 "invalid params" above all, because the node
 * parsed the call for that method, so a well-formed call would have run.
 */
export function classifyExposure(outcome: RpcOutcome): ExposureVerdict {
  switch (outcome.kind) {
    case 'result':
      return { exposed: true, reason: 'answered with a result' };
    case 'http-error':
      return outcome.httpStatus === 401 || outcome.httpStatus === 403
        ? { exposed: false, reason: `refused with HTTP ${outcome.httpStatus}` }
        : {
            exposed: true,
            reason: `answered HTTP ${outcome.httpStatus}, which is not an authorisation refusal`,
          };
    case 'error': {
      const { code, message } = outcome.error;
      if (code === methodNotFoundCode) return { exposed: false, reason: `${code} method not found` };
      if (code !== invalidParamsCode && refusalMessage.test(message))
        return { exposed: false, reason: `refused: ${code} "${message}"` };
      return { exposed: true, reason: `error ${code} "${message}" shows the method is served` };
    }
  }
}
