import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { openLoadSender } from './openLoadSender.ts';
import { prepareLoadWorkload } from './prepareLoadWorkload.ts';
import { presignTransfers } from './presignTransfers.ts';
import { constantArrivalRate } from './scenarios/constantArrivalRate.ts';
import { type MeasuredWindow, sendAndWatchTransfers } from './sendAndWatchTransfers.ts';
import { shardStartMs } from './shardStartMs.ts';
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
  // Untimed: a contract workload deploys its contract before the schedule is signed.
  const workload = await prepareLoadWorkload(params.loadWorkload, adapter, ctx.senders);
  // The sender thread starts while the schedule is signed (both untimed, before the common start).
  const [sender, transfers] = await Promise.all([
    openLoadSender(adapter.transactions, { rateTps: params.loadRateTps, shardCount: ctx.shardCount }),
    presignTransfers(adapter, ctx.senders, ctx.senders[0]!.address, schedule, workload),
  ]);
  if (sender)
    ctx.progress(`[load] shard ${ctx.shardIndex + 1}/${ctx.shardCount}: sending from a worker thread`);
  let measured: MeasuredWindow;
  try {
    const fromHeight = await adapter.ledger.getHeight();
    const startMs = shardStartMs(ctx);
    measured = await sendAndWatchTransfers(adapter, transfers, {
      startMs,
      deadlineMs: startMs + (params.loadDurationS + params.loadDrainS) * 1_000,
      fromHeight,
      signal: ctx.signal,
      workload,
      finalityDepth: params.finalityDepth,
      sender,
    });
  } finally {
    await sender?.close();
  }
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
