import type { RpcTrace } from './createRpcTrace.ts';
import { QuantityShape } from './jsonRpcShapes.ts';

export type HeightWait =
  | { readonly reached: true; readonly height: bigint }
  | { readonly reached: false; readonly height: bigint | null; readonly problem: string };

const pollMs = 100;

/**
 * Polls eth_blockNumber until the endpoint's head is at least `height` or `timeoutMs` passes: a node
 * of the network must hold a block another node has already recorded, within the bound.
 */
export async function waitForHeight(trace: RpcTrace, height: bigint, timeoutMs: number): Promise<HeightWait> {
  const deadline = Date.now() + timeoutMs;
  let last: bigint | null = null;
  for (;;) {
    const read = await trace.read('eth_blockNumber', [], QuantityShape);
    if (!read.ok) return { reached: false, height: last, problem: read.problem };
    last = read.value;
    if (last >= height) return { reached: true, height: last };
    if (Date.now() >= deadline) {
      return {
        reached: false,
        height: last,
        problem: `its head is block ${last}, still below block ${height} after ${timeoutMs} ms`,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
