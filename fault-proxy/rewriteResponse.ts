import type { FaultName } from './faultCatalogue.ts';
import { balanceDrift } from './faults/balanceDrift.ts';
import { brokenParentLink } from './faults/brokenParentLink.ts';
import { failedReceiptDropped } from './faults/failedReceiptDropped.ts';
import { forgedBlockHash } from './faults/forgedBlockHash.ts';
import { lyingReceipts } from './faults/lyingReceipts.ts';
import { replayAccepted } from './faults/replayAccepted.ts';
import { revertLeaksState } from './faults/revertLeaksState.ts';
import { tamperedTxAccepted } from './faults/tamperedTxAccepted.ts';
import { wrongChainIdAccepted } from './faults/wrongChainIdAccepted.ts';
import { wrongTransactionsRoot } from './faults/wrongTransactionsRoot.ts';
import type { JsonRpcRequest, JsonRpcResponse } from './JsonRpcMessage.ts';
import type { ProxyState } from './ProxyState.ts';
import type { ResponseRewriter } from './ResponseRewriter.ts';

/**
 * Per-message faults, applied in catalogue order (so with both lying-receipts and
 * failed-receipt-dropped on, the receipt is flipped and then no longer dropped). Faults that act on the
 * request (admin, drop), on the whole body (wrong-error-codes) or on the transport (TLS, slow, garbage,
 * huge) are applied by the server instead.
 */
const rewriters: ReadonlyArray<readonly [FaultName, ResponseRewriter]> = [
  ['forged-block-hash', forgedBlockHash],
  ['broken-parent-link', brokenParentLink],
  ['wrong-transactions-root', wrongTransactionsRoot],
  ['replay-accepted', replayAccepted],
  ['wrong-chain-id-accepted', wrongChainIdAccepted],
  ['tampered-tx-accepted', tamperedTxAccepted],
  ['lying-receipts', lyingReceipts],
  ['failed-receipt-dropped', failedReceiptDropped],
  ['revert-leaks-state', revertLeaksState],
  ['balance-drift', balanceDrift],
];

/** Applies every active per-message fault; returns `response` itself when none changed it. */
export function rewriteResponse(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  faults: ReadonlySet<FaultName>,
  state: Readonly<ProxyState>,
): JsonRpcResponse {
  let current = response;
  for (const [name, rewrite] of rewriters) if (faults.has(name)) current = rewrite(request, current, state);
  return current;
}
