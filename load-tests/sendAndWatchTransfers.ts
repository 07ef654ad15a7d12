import type { LedgerApi, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { encodeHistogram } from './histogramCodec.ts';
import type { PresignedTransfer } from './presignTransfers.ts';
import { sendOnSchedule } from './sendOnSchedule.ts';
import { watchInclusions } from './watchInclusions.ts';

export interface SendAndWatchOptions {
  /** Epoch ms transfer `i` is due at `startMs + offsetMs` from. */
  readonly startMs: number;
  /** Epoch ms after which transfers still unseen are counted lost (end of sending + drain). */
  readonly deadlineMs: number;
  /** Height before the first send; blocks above it are scanned. */
  readonly fromHeight: bigint;
  readonly signal: AbortSignal;
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
  });
  const sends = await sendOnSchedule((transfer) => adapter.transactions.submit(transfer.signed), transfers, {
    startMs,
    signal: options.signal,
    onOutcome: (transfer, outcome) => {
      if (!outcome.accepted) watcher.forget(transfer.txId);
    },
  });
  const inclusions = await watcher.done;
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
    rejections: [...sends.rejections],
  };
}
