import type { LedgerApi, SubmitOutcome, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import type { SenderPool } from './createSenderPool.ts';
import { createSeriesRecorder } from './createSeriesRecorder.ts';
import { encodeHistogram, newHistogram } from './histogramCodec.ts';
import { loadClockMs } from './loadClock.ts';
import type { LoadWorkload } from './prepareLoadWorkload.ts';
import type { PresignedTransfer } from './presignTransfers.ts';
import { sendOnSchedule } from './sendOnSchedule.ts';
import { encodeShardBlocks } from './shardBlocksCodec.ts';
import { encodeShardSeries } from './shardSeriesCodec.ts';
import { type InclusionReport, watchInclusions } from './watchInclusions.ts';

export interface SendAndWatchOptions {
  /** Epoch ms transfer `i` is due at `startMs + offsetMs` from. */
  readonly startMs: number;
  /** Epoch ms after which transfers still unseen are counted lost (end of sending + drain). */
  readonly deadlineMs: number;
  /** Height before the first send; blocks above it are scanned. */
  readonly fromHeight: bigint;
  readonly signal: AbortSignal;
  /** Checks included transactions after the window (contract writes: receipt status); failed ones are not committed. */
  readonly workload?: Pick<LoadWorkload, 'failedAmong'>;
  /** The profile's finalityDepth: the watcher then also times the final tier (see watchInclusions). */
  readonly finalityDepth?: number;
  /**
   * Sends from this pool's worker thread (openLoadSender) instead of the adapter's submit() on this
   * thread: the same schedule, answers and meaning; the block watcher stays on this thread.
   */
  readonly sender?: SenderPool | undefined;
}

/** The measured part of a shard result (scenario, shard and shape fields are the caller's). */
export type MeasuredWindow = Pick<
  LoadShardResult,
  | 'sent'
  | 'accepted'
  | 'rejected'
  | 'committed'
  | 'lost'
  | 'firstSendAtMs'
  | 'lastInclusionAtMs'
  | 'lastSendAtMs'
  | 'latencyHistogram'
  | 'sendLagHistogram'
  | 'rejections'
  | 'series'
  | 'ackLatencyHistogram'
  | 'finalLatencyHistogram'
  | 'finalityDepth'
  | 'blocks'
>;

/**
 * The timed part of every transfer-shaped load run: pre-signed transfers sent on schedule (open
 * model) while a block watcher notes inclusions, until every accepted transfer is seen or the
 * deadline passes; the rest are lost. Shared by the constant-rate scenario and each capacity step.
 */
export async function sendAndWatchTransfers(
  adapter: { readonly ledger: LedgerApi; readonly transactions: TransactionsApi },
  transfers: readonly PresignedTransfer[],
  options: SendAndWatchOptions,
): Promise<MeasuredWindow> {
  const { startMs } = options;
  const expected = new Map<string, number>(transfers.map((t) => [t.txId, startMs + t.offsetMs]));
  const watcher = watchInclusions(adapter.ledger, {
    expected,
    fromHeight: options.fromHeight,
    deadlineMs: options.deadlineMs,
    signal: options.signal,
    ...(options.finalityDepth === undefined ? {} : { finalityDepth: options.finalityDepth }),
  });
  const series = createSeriesRecorder(startMs);
  // Accepted tier: intended send → the node's answer (answers batched from worker threads carry their own time).
  const ackLatency = newHistogram();
  const sendOptions = {
    startMs,
    signal: options.signal,
    onOutcome: (transfer: PresignedTransfer, outcome: SubmitOutcome, answeredAtMs?: number) => {
      const dueMs = startMs + transfer.offsetMs;
      series.offer(dueMs, outcome.accepted);
      if (outcome.accepted)
        ackLatency.recordValue(Math.max(0, Math.round(((answeredAtMs ?? loadClockMs()) - dueMs) * 1_000)));
      else watcher.forget(transfer.txId);
    },
  };
  const sends = options.sender
    ? await options.sender.send(transfers, sendOptions)
    : await sendOnSchedule(
        (transfer) => adapter.transactions.submit(transfer.signed),
        transfers,
        sendOptions,
      );
  const seen = await watcher.done;
  const inclusions = await withoutFailed(seen, options.workload);
  // Seen at = due + latency: the watcher measured the latency from the due time to the sighting.
  for (const [id, us] of inclusions.included) series.commit((expected.get(id) ?? startMs) + us / 1_000, us);
  const firstSendAtMs = startMs + (transfers[0]?.offsetMs ?? 0);
  return {
    sent: sends.sent,
    accepted: sends.accepted,
    rejected: sends.rejected,
    committed: inclusions.committed,
    lost: sends.accepted - inclusions.committed,
    firstSendAtMs,
    lastInclusionAtMs: inclusions.lastInclusionAtMs ?? firstSendAtMs,
    lastSendAtMs: sends.lastSendAtMs,
    latencyHistogram: encodeHistogram(inclusions.latency),
    sendLagHistogram: encodeHistogram(sends.sendLag),
    rejections: [...sends.rejections, ...inclusions.messages].slice(0, 20),
    series: encodeShardSeries(series.series()),
    ackLatencyHistogram: encodeHistogram(ackLatency),
    ...(options.finalityDepth === undefined
      ? {}
      : {
          finalLatencyHistogram: encodeHistogram(inclusions.finalLatency),
          finalityDepth: options.finalityDepth,
        }),
    blocks: encodeShardBlocks(seen.blocks, options.fromHeight, seen.lastInclusionBlock),
  };
}

/**
 * Included transactions that failed (a reverted contract write) are not committed: the workload reads
 * their receipts after the window, and their latencies leave the histogram.
 */
async function withoutFailed(
  seen: InclusionReport,
  workload: Pick<LoadWorkload, 'failedAmong'> | undefined,
): Promise<InclusionReport & { readonly messages: readonly string[] }> {
  if (!workload?.failedAmong || seen.included.size === 0) return { ...seen, messages: [] };
  const { failed, messages } = await workload.failedAmong([...seen.included.keys()]);
  if (failed.size === 0) return { ...seen, messages };
  const latency = newHistogram();
  const included = new Map<string, number>();
  for (const [id, us] of seen.included) {
    if (failed.has(id)) continue;
    latency.recordValue(us);
    included.set(id, us);
  }
  const finalLatency = newHistogram();
  const final = new Map<string, number>();
  for (const [id, us] of seen.final) {
    if (failed.has(id)) continue;
    finalLatency.recordValue(us);
    final.set(id, us);
  }
  return { ...seen, committed: included.size, latency, included, final, finalLatency, messages };
}
