import type { RawRpcApi } from '#core/adapter/ChainAdapter.ts';
import { TargetError } from '#core/errors/TargetError.ts';

const pollMs = 100;

/**
 * Polls eth_blockNumber until the endpoint stops answering it with a result (connection refused, a
 * gateway's 502, a timeout), for at most `timeoutMs`; the milliseconds it took, or undefined when it
 * kept answering. Proves a stop hook really stopped the node, so a restart experiment cannot pass on
 * a hook that did nothing.
 */
export async function waitUntilSilent(
  rpc: RawRpcApi,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<number | undefined> {
  const started = Date.now();
  while (Date.now() - started <= timeoutMs && !signal?.aborted) {
    try {
      const outcome = await rpc.request('eth_blockNumber', []);
      if (outcome.kind !== 'result') return Date.now() - started;
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      return Date.now() - started;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return undefined;
}
