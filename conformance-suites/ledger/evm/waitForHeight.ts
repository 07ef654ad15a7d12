import type { RpcReader } from './createRpcReader.ts';
import { QuantityShape } from './rpcShapes.ts';

/** How often a lagging endpoint's head is polled. */
const heightPollMs = 50;

export type HeightWait =
  | { readonly kind: 'reached'; readonly height: bigint }
  | { readonly kind: 'behind'; readonly height: bigint }
  | { readonly kind: 'malformed'; readonly problem: string };

/**
 * Polls eth_blockNumber until the endpoint reports at least `target` or the harness clock passes
 * `deadlineMs`; the last answer is read once more on the record, so the evidence shows it.
 */
export async function waitForHeight(
  reader: RpcReader,
  target: bigint,
  deadlineMs: number,
): Promise<HeightWait> {
  for (;;) {
    const read = await reader.readQuietly('eth_blockNumber', [], QuantityShape);
    if (!read.ok || read.value >= target || Date.now() >= deadlineMs) break;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(heightPollMs, Math.max(0, deadlineMs - Date.now()))),
    );
  }
  const final = await reader.read('eth_blockNumber', [], QuantityShape);
  if (!final.ok) return { kind: 'malformed', problem: final.problem };
  return final.value >= target
    ? { kind: 'reached', height: final.value }
    : { kind: 'behind', height: final.value };
}
