import type { Histogram } from 'hdr-histogram-js';
import type { LedgerApi } from '#core/adapter/ChainAdapter.ts';
import { newHistogram } from './histogramCodec.ts';
import { loadClockMs } from './loadClock.ts';

export interface WatchInclusionsOptions {
  /** Lower-case transaction id → epoch ms it was due to be sent. */
  readonly expected: ReadonlyMap<string, number>;
  /** Height before the first send; blocks above it are scanned. */
  readonly fromHeight: bigint;
  /** Epoch ms after which transactions still unseen are given up (scenario end + drain). */
  readonly deadlineMs: number;
  /** Stops watching when the run is interrupted; what was seen so far is reported. */
  readonly signal?: AbortSignal;
  /** @default 100 */
  readonly pollMs?: number;
  /** Blocks fetched at once when the watcher is behind. @default 8 */
  readonly parallelBlocks?: number;
  /** Consecutive failed polls tolerated before the watcher gives up with the error. @default 5 */
  readonly maxPollFailures?: number;
  readonly now?: () => number;
}

export interface InclusionReport {
  readonly committed: number;
  /** Epoch ms the last expected transaction was seen in a block; undefined when none was. */
  readonly lastInclusionAtMs: number | undefined;
  /** Intended send → first observation in a block, µs (PSWG transaction latency, one observer). */
  readonly latency: Histogram;
  /** Each included transaction's latency, µs, by lower-case id (so a workload can drop failed ones). */
  readonly included: ReadonlyMap<string, number>;
}

export interface InclusionWatcher {
  /** Stop waiting for a transaction (it was rejected, so it can never be committed). */
  forget(txId: string): void;
  readonly done: Promise<InclusionReport>;
}

/**
 * Polls the ledger (~every 100 ms) for new blocks and notes when each expected transaction first
 * appears. Latency runs from the intended send time, not the actual one, so a late harness cannot
 * shorten it. Stops when every expected transaction is seen or forgotten, or at the deadline.
 */
export function watchInclusions(ledger: LedgerApi, options: WatchInclusionsOptions): InclusionWatcher {
  const now = options.now ?? loadClockMs;
  const pending = new Map(options.expected);
  const latency = newHistogram();
  const included = new Map<string, number>();
  let committed = 0;
  let lastInclusionAtMs: number | undefined;

  async function scan(): Promise<InclusionReport> {
    const pollMs = options.pollMs ?? 100;
    const parallel = options.parallelBlocks ?? 8;
    let next = options.fromHeight + 1n;
    let failures = 0;
    while (pending.size > 0 && now() < options.deadlineMs && !options.signal?.aborted) {
      try {
        const height = await ledger.getHeight();
        while (next <= height && pending.size > 0) {
          const numbers: bigint[] = [];
          for (let n = next; n <= height && numbers.length < parallel; n++) numbers.push(n);
          const blocks = await Promise.all(numbers.map((n) => ledger.getBlock(n)));
          const seenAtMs = now();
          const firstMissing = blocks.indexOf(null);
          const ready = firstMissing === -1 ? blocks : blocks.slice(0, firstMissing);
          for (const block of ready) {
            for (const id of block!.txIds) {
              const key = id.toLowerCase();
              const dueMs = pending.get(key);
              if (dueMs === undefined) continue;
              pending.delete(key);
              committed += 1;
              lastInclusionAtMs = seenAtMs;
              const us = Math.max(0, Math.round((seenAtMs - dueMs) * 1_000));
              latency.recordValue(us);
              included.set(key, us);
            }
          }
          next += BigInt(ready.length);
          // A node can announce a height before it serves the block; try it again on the next poll.
          if (firstMissing !== -1) break;
        }
        failures = 0;
      } catch (error) {
        failures += 1;
        if (failures >= (options.maxPollFailures ?? 5)) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    return { committed, lastInclusionAtMs, latency, included };
  }

  return {
    forget: (txId) => {
      pending.delete(txId.toLowerCase());
    },
    done: scan(),
  };
}
