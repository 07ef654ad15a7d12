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
  /**
   * The profile's finality rule (finalityDepth, as LED-07 and CON-10 read it): a transaction is final
   * when the first block at its height + finalityDepth is seen. When given, the watcher keeps polling
   * after the last inclusion until those blocks arrive or the deadline; absent, there is no final tier.
   */
  readonly finalityDepth?: number;
  /** Blocks listed in the report at most (ground truth is then undecided past them). @default 20_000 */
  readonly maxObservedBlocks?: number;
  readonly now?: () => number;
}

/** A block as the watcher first saw it: what the on-chain ground truth is counted from. */
export interface ObservedBlock {
  readonly number: bigint;
  readonly txCount: number;
  /** Epoch ms this watcher first saw the block. */
  readonly seenAtMs: number;
}

export interface InclusionReport {
  readonly committed: number;
  /** Epoch ms the last expected transaction was seen in a block; undefined when none was. */
  readonly lastInclusionAtMs: number | undefined;
  /** Intended send → first observation in a block, µs (PSWG transaction latency, one observer). */
  readonly latency: Histogram;
  /** Each included transaction's latency, µs, by lower-case id (so a workload can drop failed ones). */
  readonly included: ReadonlyMap<string, number>;
  /** Intended send → first sighting of the block finalityDepth above its block, µs, by lower-case id. */
  readonly final: ReadonlyMap<string, number>;
  /** Histogram of `final`, µs; empty without a finality depth. */
  readonly finalLatency: Histogram;
  /** Every block fetched above fromHeight, in order and contiguous (at most maxObservedBlocks). */
  readonly blocks: readonly ObservedBlock[];
  /** Number of the highest block holding an expected transaction; undefined when none was seen. */
  readonly lastInclusionBlock: bigint | undefined;
}

export interface InclusionWatcher {
  /** Stop waiting for a transaction (it was rejected, so it can never be committed). */
  forget(txId: string): void;
  readonly done: Promise<InclusionReport>;
}

/**
 * Polls the ledger (~every 100 ms) for new blocks and notes when each expected transaction first
 * appears. Latency runs from the intended send time, not the actual one, so a late harness cannot
 * shorten it. Stops when every expected transaction is seen or forgotten (and, with a finality
 * depth, the blocks that make the included ones final are seen), or at the deadline. Every block it
 * fetches is listed with its transaction count, so the run's committed count can be checked
 * against what the chain holds.
 */
export function watchInclusions(ledger: LedgerApi, options: WatchInclusionsOptions): InclusionWatcher {
  const now = options.now ?? loadClockMs;
  const pending = new Map(options.expected);
  const latency = newHistogram();
  const included = new Map<string, number>();
  const blockOf = new Map<string, bigint>();
  const seenAt = new Map<bigint, number>();
  const observed: ObservedBlock[] = [];
  const maxBlocks = options.maxObservedBlocks ?? 20_000;
  const depth = options.finalityDepth === undefined ? undefined : BigInt(options.finalityDepth);
  let committed = 0;
  let lastInclusionAtMs: number | undefined;
  let lastInclusionBlock: bigint | undefined;
  let firstSeenAtMs: number | undefined;
  let lastSeenAtMs: number | undefined;
  let next = options.fromHeight + 1n;
  // Still something to see: an expected transaction, or a block that makes an included one final.
  const wanted = (): boolean =>
    pending.size > 0 ||
    (depth !== undefined &&
      lastInclusionBlock !== undefined &&
      next <= lastInclusionBlock + depth &&
      !chainIdle());
  /**
   * Waiting only for finality, the chain has stopped building blocks: none for three of its mean
   * block intervals so far (at least 2 s). An automining chain builds none once the load ends, and
   * waiting out the drain for blocks that cannot come would only lengthen the run; the final tier
   * then counts fewer transactions than the included one, which the report shows.
   */
  const chainIdle = (): boolean => {
    if (firstSeenAtMs === undefined || lastSeenAtMs === undefined) return false;
    const meanIntervalMs = seenAt.size > 1 ? (lastSeenAtMs - firstSeenAtMs) / (seenAt.size - 1) : 0;
    return now() - lastSeenAtMs > Math.max(2_000, 3 * meanIntervalMs);
  };

  async function scan(): Promise<InclusionReport> {
    const pollMs = options.pollMs ?? 100;
    const parallel = options.parallelBlocks ?? 8;
    let failures = 0;
    while (wanted() && now() < options.deadlineMs && !options.signal?.aborted) {
      try {
        const height = await ledger.getHeight();
        while (next <= height && wanted()) {
          const numbers: bigint[] = [];
          for (let n = next; n <= height && numbers.length < parallel; n++) numbers.push(n);
          const blocks = await Promise.all(numbers.map((n) => ledger.getBlock(n)));
          const seenAtMs = now();
          const firstMissing = blocks.indexOf(null);
          const ready = firstMissing === -1 ? blocks : blocks.slice(0, firstMissing);
          for (const [i, block] of ready.entries()) {
            const number = numbers[i]!;
            seenAt.set(number, seenAtMs);
            firstSeenAtMs ??= seenAtMs;
            lastSeenAtMs = seenAtMs;
            if (observed.length < maxBlocks)
              observed.push({ number, txCount: block!.txIds.length, seenAtMs });
            for (const id of block!.txIds) {
              const key = id.toLowerCase();
              const dueMs = pending.get(key);
              if (dueMs === undefined) continue;
              pending.delete(key);
              committed += 1;
              lastInclusionAtMs = seenAtMs;
              lastInclusionBlock = number;
              blockOf.set(key, number);
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
    return {
      committed,
      lastInclusionAtMs,
      latency,
      included,
      ...finalTier(),
      blocks: observed,
      lastInclusionBlock,
    };
  }

  /** Final = the block finalityDepth above the transaction's block was seen; latency from the due time. */
  function finalTier(): Pick<InclusionReport, 'final' | 'finalLatency'> {
    const final = new Map<string, number>();
    const finalLatency = newHistogram();
    if (depth === undefined) return { final, finalLatency };
    for (const [id, number] of blockOf) {
      const atMs = seenAt.get(number + depth);
      const dueMs = options.expected.get(id);
      if (atMs === undefined || dueMs === undefined) continue;
      const us = Math.max(0, Math.round((atMs - dueMs) * 1_000));
      final.set(id, us);
      finalLatency.recordValue(us);
    }
    return { final, finalLatency };
  }

  return {
    forget: (txId) => {
      pending.delete(txId.toLowerCase());
    },
    done: scan(),
  };
}
