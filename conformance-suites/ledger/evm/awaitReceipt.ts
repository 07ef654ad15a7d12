import type { RpcReader } from './createRpcReader.ts';
import { ReceiptShape, type ReceiptView } from './rpcShapes.ts';

/** How often a receipt is polled: fine enough to time inclusion on an automining node. */
export const receiptPollMs = 25;

export type ReceiptWait =
  | { readonly kind: 'found'; readonly receipt: ReceiptView; readonly seenAtMs: number }
  | { readonly kind: 'missing'; readonly waitedMs: number }
  | { readonly kind: 'malformed'; readonly problem: string };

/**
 * Polls eth_getTransactionReceipt until the receipt appears or `timeoutMs` passes (polls that find
 * nothing stay out of the evidence). `seenAtMs` is the harness clock when it was first read, so
 * inclusion latency is measured to within one poll interval. A receipt that is not a receipt
 * (malformed field, or a JSON-RPC error) is reported as such: the node answered, wrongly.
 */
export async function awaitReceipt(
  reader: RpcReader,
  txId: string,
  timeoutMs: number,
  now: () => number = Date.now,
): Promise<ReceiptWait> {
  const started = now();
  const deadline = started + timeoutMs;
  for (;;) {
    const read = await reader.readNullable('eth_getTransactionReceipt', [txId], ReceiptShape, {
      quietWhenNull: true,
    });
    const at = now();
    if (!read.ok) return { kind: 'malformed', problem: read.problem };
    if (read.value !== null) return { kind: 'found', receipt: read.value, seenAtMs: at };
    if (at >= deadline) return { kind: 'missing', waitedMs: at - started };
    await new Promise((resolve) => setTimeout(resolve, Math.min(receiptPollMs, Math.max(0, deadline - at))));
  }
}
