import type { Hex, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import type { CheckContext } from '#core/checks/CheckDefinition.ts';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { encodeHistogram } from './histogramCodec.ts';
import { loadClockMs } from './loadClock.ts';
import { type PresignedTransfer, presignTransfers } from './presignTransfers.ts';
import { constantArrivalRate } from './scenarios/constantArrivalRate.ts';
import { sendOnSchedule } from './sendOnSchedule.ts';
import { watchInclusions } from './watchInclusions.ts';

export const transferScenarioName = 'transfer-constant-rate';

/** Block time the embedded chain is switched to for the run (toolchain.md: automine stalls under load). */
const loadBlockTimeS = 1;
/** Head start of the block watcher before the first send. */
const startLeadMs = 250;

export interface PreparedTransferShard {
  readonly shardIndex: number;
  readonly shardCount: number;
  readonly transfers: readonly PresignedTransfer[];
}

function transactionsOf(ctx: CheckContext): TransactionsApi {
  const transactions = ctx.adapter.transactions;
  if (!transactions)
    throw new ConfigError(
      `load scenario ${transferScenarioName} needs adapter.transactions (capability tx.clientSign)`,
    );
  return transactions;
}

/** Untimed part: this shard's schedule, funded senders and pre-signed transfers. */
export async function prepareTransferShard(
  ctx: CheckContext,
  shardIndex: number,
  shardCount: number,
): Promise<PreparedTransferShard> {
  const { params } = ctx;
  const schedule = constantArrivalRate(
    { rateTps: params.loadRateTps, durationS: params.loadDurationS },
    shardIndex,
    shardCount,
  );
  const { transfers } = await presignTransfers(transactionsOf(ctx), schedule, {
    scenario: transferScenarioName,
    shardIndex,
    shardRateTps: params.loadRateTps / shardCount,
    receiptTimeoutMs: params.receiptTimeoutMs,
  });
  return { shardIndex, shardCount, transfers };
}

/**
 * Timed part: sends on schedule while a block watcher notes inclusions, until every accepted
 * transfer is seen or `loadDrainS` after the scenario's end; the rest are counted lost. On the
 * embedded chain blocks come every second meanwhile, and automine is restored whatever happens.
 * External targets' block production is theirs and left alone.
 */
export async function measureTransferShard(
  ctx: CheckContext,
  prepared: PreparedTransferShard,
): Promise<LoadShardResult> {
  const { params, adapter } = ctx;
  const transactions = transactionsOf(ctx);
  const control = adapter.capabilities.has('control.mining') ? adapter.control : undefined;
  if (control) await control.setIntervalMining(loadBlockTimeS);
  try {
    const fromHeight = await adapter.ledger.getHeight();
    const startMs = loadClockMs() + startLeadMs;
    const expected = new Map<Hex, number>(prepared.transfers.map((t) => [t.txId, startMs + t.offsetMs]));
    const watcher = watchInclusions(adapter.ledger, {
      expected,
      fromHeight,
      deadlineMs: startMs + (params.loadDurationS + params.loadDrainS) * 1_000,
    });
    const sends = await sendOnSchedule((raw) => transactions.submit(raw), prepared.transfers, {
      startMs,
      onOutcome: (transfer, outcome) => {
        if (!outcome.accepted) watcher.forget(transfer.txId);
      },
    });
    const inclusions = await watcher.done;
    const firstSendAtMs = startMs + (prepared.transfers[0]?.offsetMs ?? 0);
    ctx.progress(
      `[load] shard ${prepared.shardIndex + 1}/${prepared.shardCount}: ${sends.sent} sent, ${sends.accepted} accepted, ${inclusions.committed} committed`,
    );
    return {
      scenario: transferScenarioName,
      shardIndex: prepared.shardIndex,
      shardCount: prepared.shardCount,
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
  } finally {
    if (control) await control.setAutomine();
  }
}

/** One shard of the transfer scenario: prepare (untimed), then measure. */
export async function runTransferShard(
  ctx: CheckContext,
  shardIndex: number,
  shardCount: number,
): Promise<LoadShardResult> {
  return measureTransferShard(ctx, await prepareTransferShard(ctx, shardIndex, shardCount));
}
