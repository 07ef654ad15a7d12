import type { FaultName } from './faultCatalogue.ts';
import { adminNamespaceExposed } from './faults/adminNamespaceExposed.ts';
import { dropTransactions } from './faults/dropTransactions.ts';
import type { JsonRpcRequest, JsonRpcResponse } from './JsonRpcMessage.ts';
import type { ProxyState } from './ProxyState.ts';
import { rejectDisallowedNamespace } from './rejectDisallowedNamespace.ts';

/**
 * The answer the proxy gives itself, without asking the chain, or undefined to forward. Order matters:
 * an exposed admin namespace overrides the allow-list (that is the fault), and the allow-list comes
 * before dropping so a hidden method is never "acknowledged".
 */
export function interceptRequest(
  request: JsonRpcRequest,
  faults: ReadonlySet<FaultName>,
  state: ProxyState,
  allowedNamespaces: readonly string[] | undefined,
): JsonRpcResponse | undefined {
  if (faults.has('admin-namespace-exposed')) {
    const exposed = adminNamespaceExposed(request);
    if (exposed) return exposed;
  }
  const blocked = rejectDisallowedNamespace(request, allowedNamespaces);
  if (blocked) return blocked;
  if (faults.has('drop-transactions')) return dropTransactions(request, state);
  return undefined;
}
