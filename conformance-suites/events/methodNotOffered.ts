import type { RpcAnswer } from '#conformance/contracts/createRpcTrace.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';

/**
 * The skip for an endpoint that does not serve a filter method at all: -32601 "method not found"
 * (JSON-RPC 2.0) or -32004 "method not supported" (EIP-1474). Such a chain may still deliver events over
 * a WebSocket subscription, which the adapter port does not probe, so the check cannot decide; any other
 * answer is judged by the check.
 */
export function methodNotOffered(
  method: string,
  answer: RpcAnswer,
  evidence: Record<string, unknown>,
): CheckOutcome | undefined {
  if (answer.kind !== 'error' || (answer.error.code !== -32601 && answer.error.code !== -32004))
    return undefined;
  return {
    status: 'skip',
    skipReason: 'precondition',
    summary: `the endpoint does not serve ${method} (${answer.error.code} "${answer.error.message.slice(0, 100)}"); polled event delivery cannot be probed, and WebSocket subscriptions are not`,
    evidence,
  };
}
