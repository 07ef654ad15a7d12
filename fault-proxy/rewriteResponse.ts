import { type FaultName, faultDefinitions } from './faultCatalogue.ts';
import type { FaultContextOf } from './interceptRequest.ts';
import type { JsonRpcRequest, JsonRpcResponse } from './JsonRpcMessage.ts';

/**
 * Applies every active per-message fault in catalogue order (so with both lying-receipts and
 * failed-receipt-dropped on, the receipt is flipped and then no longer dropped); returns `response`
 * itself when none changed it. Faults on the whole body (wrong-error-codes) or on the transport (TLS,
 * slow, garbage, huge) are applied by the server instead.
 */
export async function rewriteResponse(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  faults: ReadonlySet<FaultName>,
  contextOf: FaultContextOf,
): Promise<JsonRpcResponse> {
  let current = response;
  for (const fault of faultDefinitions)
    if (faults.has(fault.name) && fault.rewrite)
      current = await fault.rewrite(request, current, contextOf(fault.name));
  return current;
}
