import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { loadClockMs } from './loadClock.ts';
import { presignTransfers } from './presignTransfers.ts';
import { constantArrivalRate } from './scenarios/constantArrivalRate.ts';
import { sendAndWatchTransfers } from './sendAndWatchTransfers.ts';
import type { TransferShardContext } from './transferShardContext.ts';

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
  const measured = await sendAndWatchTransfers(adapter, transfers, {
    startMs,
    deadlineMs: startMs + (params.loadDurationS + params.loadDrainS) * 1_000,
    fromHeight,
    signal: ctx.signal,
  });
  ctx.progress(
    `[load] shard ${ctx.shardIndex + 1}/${ctx.shardCount}: ${measured.sent} sent, ${measured.accepted} accepted, ${measured.committed} committed`,
  );
  return {
    scenario: transferScenarioName,
    shardIndex: ctx.shardIndex,
    shardCount: ctx.shardCount,
    rateTps: params.loadRateTps,
    durationS: params.loadDurationS,
    ...measured,
  };
}
