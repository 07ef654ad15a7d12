import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { encodeHistogram } from './histogramCodec.ts';
import { loadClockMs } from './loadClock.ts';
import { presignTransfers } from './presignTransfers.ts';
import { constantArrivalRate } from './scenarios/constantArrivalRate.ts';
import { sendOnSchedule } from './sendOnSchedule.ts';
import type { TransferShardContext } from './transferShardContext.ts';
import { watchInclusions } from './watchInclusions.ts';

export const transferScenarioName = 'transfer-constant-rate';

/**
 * One shard of the transfer scenario. Untimed: this shard's schedule, pre-signed from its senders.
 * Timed: sends on schedule from the plan's common start time while a block watcher notes
 * inclusions, until every accepted transfer is seen or `loadDrainS` after the scenario's end; the
 * rest are counted lost.
 */
export async function runTransferShard(ctx: TransferShardContext): Promise<LoadShardResult> {
  const { params, adapter } = ctx;
  const schedule = constantArrivalRate(
    { rateTps: params.loadRateTps, durationS: params.loadDurationS },
    ctx.shardIndex,
    ctx.shardCount,
  );
  // Each transfer sends 1 unit back to the first sender of the shard: value stays within the run.
  const transfers = await presignTransfers(adapter, ctx.senders, ctx.senders[0]!.address, schedule);
  const fromHeight = await adapter.ledger.getHeight();
  const startMs = ctx.startAtMs;
  const lateByMs = loadClockMs() - startMs;
  if (lateByMs > 0)
    ctx.progress(
      `[load] shard ${ctx.shardIndex + 1} was ready ${Math.round(lateByMs)} ms after the common start`,
    );
  const expected = new Map<string, number>(transfers.map((t) => [t.txId, startMs + t.offsetMs]));
  const watcher = watchInclusions(adapter.ledger, {
    expected,
    fromHeight,
    deadlineMs: startMs + (params.loadDurationS + params.loadDrainS) * 1_000,
    signal: ctx.signal,
  });
  const sends = await sendOnSchedule((transfer) => adapter.transactions.submit(transfer.signed), transfers, {
    startMs,
    signal: ctx.signal,
    onOutcome: (transfer, outcome) => {
      if (!outcome.accepted) watcher.forget(transfer.txId);
    },
  });
  const inclusions = await watcher.done;
  const firstSendAtMs = startMs + (transfers[0]?.offsetMs ?? 0);
  ctx.progress(
    `[load] shard ${ctx.shardIndex + 1}/${ctx.shardCount}: ${sends.sent} sent, ${sends.accepted} accepted, ${inclusions.committed} committed`,
  );
  return {
    scenario: transferScenarioName,
    shardIndex: ctx.shardIndex,
    shardCount: ctx.shardCount,
    rateTps: params.loadRateTps,
    durationS: params.loadDurationS,
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
