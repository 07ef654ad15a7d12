import type { FaultContext } from './defineFault.ts';
import { type FaultName, faultDefinitions } from './faultCatalogue.ts';
import type { JsonRpcRequest, JsonRpcResponse } from './JsonRpcMessage.ts';
import { rejectDisallowedNamespace } from './rejectDisallowedNamespace.ts';

/** Builds the context a fault's hooks receive. */
export type FaultContextOf = (fault: FaultName) => FaultContext;

/**
 * The answer the proxy gives itself, without asking the chain, or undefined to forward. Order matters:
 * faults marked `beforeAllowList` (an exposed admin namespace) override the allow-list — that is the
 * fault — and the allow-list comes before the other faults, so a hidden method is never "acknowledged".
 */
export async function interceptRequest(
  request: JsonRpcRequest,
  faults: ReadonlySet<FaultName>,
  contextOf: FaultContextOf,
  allowedNamespaces: readonly string[] | undefined,
  deniedMethods: readonly string[] = [],
): Promise<JsonRpcResponse | undefined> {
  const active = faultDefinitions.filter((fault) => faults.has(fault.name) && fault.intercept);
  for (const fault of active.filter((f) => f.beforeAllowList)) {
    const answer = await fault.intercept?.(request, contextOf(fault.name));
    if (answer) return answer;
  }
  const blocked = rejectDisallowedNamespace(request, allowedNamespaces, deniedMethods);
  if (blocked) return blocked;
  for (const fault of active.filter((f) => !f.beforeAllowList)) {
    const answer = await fault.intercept?.(request, contextOf(fault.name));
    if (answer) return answer;
  }
  return undefined;
}

/** The request as the active faults change it before it is forwarded (same reference when unchanged). */
export function rewriteRequest(
  request: JsonRpcRequest,
  faults: ReadonlySet<FaultName>,
  contextOf: FaultContextOf,
): JsonRpcRequest {
  let current = request;
  for (const fault of faultDefinitions)
    if (faults.has(fault.name) && fault.rewriteRequest)
      current = fault.rewriteRequest(current, contextOf(fault.name));
  return current;
}
