import http from 'node:http';
import https from 'node:https';
import type { TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import { createSenderPool, type SenderPool } from './createSenderPool.ts';

/** True when this process pins DNS answers in its global agents (the cloud's target guard). */
function lookupPinned(): boolean {
  const pinned = (agent: unknown) =>
    typeof (agent as { options?: { lookup?: unknown } }).options?.lookup === 'function';
  return pinned(http.globalAgent) || pinned(https.globalAgent);
}

/** Below this rate the main thread sends on time with room to spare (it held 15,000 tx/s to a null sink). */
export const senderThreadMinTps = 1_000;

/**
 * The sender of a load shard's timed sends: one worker thread, so the main thread's block watcher,
 * bookkeeping and garbage collection cannot make a send late (on a 2-core machine they made the
 * generator fall behind near 4,800 tx/s while the main thread both sent and watched). Only for a lone
 * shard at ≥ senderThreadMinTps: a lone shard starts when it is ready (shardStartMs), so the thread's
 * start-up (≈ 1 s: it loads the transport) cannot make it late, as it could several shards that keep
 * a common start time. Undefined — send through the adapter's submit() on this thread, as before —
 * otherwise, when the adapter cannot hand over a raw target, when worker files cannot load (a Lambda
 * bundle), or when the process pins DNS answers (lambdas/shared/pinTargetConnections.ts): a worker
 * thread's agents would not inherit the pin.
 */
export async function openLoadSender(
  transactions: TransactionsApi,
  load: { readonly rateTps: number; readonly shardCount: number },
): Promise<SenderPool | undefined> {
  if (load.shardCount !== 1 || load.rateTps < senderThreadMinTps) return undefined;
  const target = transactions.rawSubmitTarget?.();
  if (target === undefined || lookupPinned()) return undefined;
  const pool = await createSenderPool({ threads: 1, target, startTimeoutMs: 15_000 });
  if (pool.mode === 'worker threads') return pool;
  await pool.close();
  return undefined;
}
