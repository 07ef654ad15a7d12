import type { RawRpcApi } from '#core/adapter/ChainAdapter.ts';
import { TargetError } from '#core/errors/TargetError.ts';

const pollMs = 200;
/** Answers in a row that make an endpoint "answering": one lucky answer over a fresh connection, while
 * a gateway's pooled connections to the node's previous process still fail, is not enough. */
const answersInARow = 3;

/**
 * Polls eth_blockNumber until the endpoint answers it with a result three times in a row, for at
 * most `timeoutMs`; the milliseconds it took, or undefined when it never did. A node that is down (refused connections,
 * a gateway's 502) is what this waits out, so transport errors are expected here, not thrown.
 */
export async function waitUntilAnswering(
  rpc: RawRpcApi,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const started = Date.now();
  let inARow = 0;
  while (Date.now() - started <= timeoutMs && !signal?.aborted) {
    try {
      const outcome = await rpc.request('eth_blockNumber', []);
      inARow = outcome.kind === 'result' ? inARow + 1 : 0;
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      inARow = 0;
    }
    if (inARow >= answersInARow) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, inARow > 0 ? 50 : pollMs));
  }
  return undefined;
}
