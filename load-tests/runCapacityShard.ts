import type { ShardContext } from '#core/checks/defineLoadScenario.ts';
import type { LoadShardResult } from '#core/checks/LoadShardResultSchema.ts';
import type { SenderPool } from './createSenderPool.ts';
import { encodeHistogram, newHistogram } from './histogramCodec.ts';
import { judgeCapacityStep } from './judgeCapacity.ts';
import { loadClockMs } from './loadClock.ts';
import { mergeShards } from './mergeShards.ts';
import { openLoadSender } from './openLoadSender.ts';
import { loadCapacityGrowth } from './parameters/loadCapacityGrowth.ts';
import { loadCapacityMaxSteps } from './parameters/loadCapacityMaxSteps.ts';
import { loadCapacityMaxTps } from './parameters/loadCapacityMaxTps.ts';
import { loadCapacityStepS } from './parameters/loadCapacityStepS.ts';
import { loadCapacityTimeBudgetS } from './parameters/loadCapacityTimeBudgetS.ts';
import { loadDrainS } from './parameters/loadDrainS.ts';
import { loadLatencyP95MaxMs } from './parameters/loadLatencyP95MaxMs.ts';
import { loadMinTransactions } from './parameters/loadMinTransactions.ts';
import { loadRateTps } from './parameters/loadRateTps.ts';
import { loadSuccessRateMin } from './parameters/loadSuccessRateMin.ts';
import { loadTpsTarget } from './parameters/loadTpsTarget.ts';
import { loadWorkload } from './parameters/loadWorkload.ts';
import { type LoadWorkload, prepareLoadWorkload } from './prepareLoadWorkload.ts';
import { presignTransfers } from './presignTransfers.ts';
import { type CapacityStep, nextCapacityStep } from './scenarios/capacitySearch.ts';
import { constantArrivalRate } from './scenarios/constantArrivalRate.ts';
import { sendAndWatchTransfers } from './sendAndWatchTransfers.ts';
import { shardStartMs } from './shardStartMs.ts';

export const capacityScenarioName = 'transfer-capacity-search';

export const capacityLoadParameters = [
  loadRateTps,
  loadDrainS,
  loadSuccessRateMin,
  loadLatencyP95MaxMs,
  loadMinTransactions,
  loadTpsTarget,
  loadCapacityMaxSteps,
  loadCapacityStepS,
  loadCapacityGrowth,
  loadCapacityMaxTps,
  loadCapacityTimeBudgetS,
  loadWorkload,
] as const;

export const capacityLoadRequires = ['tx.clientSign', 'tx.receipts', 'block.read', 'account.nonce'] as const;

export type CapacityShardContext = ShardContext<
  (typeof capacityLoadRequires)[number],
  typeof capacityLoadParameters
>;

/** Signing rate assumed when a step's start is planned (toolchain.md: ≈ 3k/s on one core). */
export const assumedSignsPerSecond = 1_500;

/** Time a shard needs before a step at `rateTps` can start: pre-signing its share, plus slack. */
export function stepPrepareMs(rateTps: number, stepS: number, shardCount: number): number {
  return (Math.ceil((rateTps * stepS) / shardCount) / assumedSignsPerSecond) * 1_000 + 500;
}

/**
 * One shard of the capacity search. Each step is a constant-rate run of this shard's share of the
 * step's rate: pre-signed untimed (sender nonces read afresh, so a step starts where the last one
 * ended), sent and watched until every accepted transfer is in a block or `loadDrainS` after the
 * step's last send; then the shard judges the step on its own counts and asks the search for the
 * next rate. The first step starts at the plan's common time; with several shards each later step
 * starts in a fixed slot after the previous one (so shards that decide alike stay aligned), with one
 * shard as soon as it is signed.
 */
export async function runCapacityShard(ctx: CapacityShardContext): Promise<LoadShardResult> {
  const { params, adapter } = ctx;
  const stepS = params.loadCapacityStepS;
  const shape = { scenario: capacityScenarioName, shardIndex: ctx.shardIndex, shardCount: ctx.shardCount };
  const windows: Omit<LoadShardResult, 'steps'>[] = [];
  const history: CapacityStep[] = [];
  const options = {
    startRateTps: params.loadRateTps,
    growth: params.loadCapacityGrowth,
    maxRateTps: params.loadCapacityMaxTps,
    maxSteps: params.loadCapacityMaxSteps,
    maxDurationMs: params.loadCapacityTimeBudgetS * 1_000,
  };
  let previousStartMs: number | undefined;
  // Untimed, once per shard: a contract workload deploys its contract here.
  const workload = await prepareLoadWorkload(params.loadWorkload, adapter, ctx.senders);
  // Opened at the first step fast enough to need it (openLoadSender), kept for the rest.
  let sender: SenderPool | undefined;
  try {
    await runSteps(workload);
  } finally {
    await sender?.close();
  }
  return shardResult();

  async function runSteps(workload: LoadWorkload): Promise<void> {
    for (
      let next = nextCapacityStep(options, history);
      next.kind === 'run';
      next = nextCapacityStep(options, history)
    ) {
      if (ctx.signal.aborted || options.maxSteps === 0) break;
      const stepStartedMs = loadClockMs();
      const rateTps = next.rateTps;
      const schedule = constantArrivalRate({ rateTps, durationS: stepS }, ctx.shardIndex, ctx.shardCount);
      const transfers = await presignTransfers(
        adapter,
        ctx.senders,
        ctx.senders[0]!.address,
        schedule,
        workload,
      );
      if (sender === undefined) {
        sender = await openLoadSender(adapter.transactions, { rateTps, shardCount: ctx.shardCount });
        if (sender)
          ctx.progress(
            `[load] capacity shard ${ctx.shardIndex + 1}/${ctx.shardCount}: sending from a worker thread from ${rateTps} tx/s on`,
          );
      }
      const fromHeight = await adapter.ledger.getHeight();
      const startMs =
        previousStartMs === undefined
          ? shardStartMs(ctx)
          : ctx.shardCount === 1
            ? loadClockMs() + 100
            : previousStartMs +
              (stepS + params.loadDrainS) * 1_000 +
              stepPrepareMs(rateTps, stepS, ctx.shardCount);
      previousStartMs = startMs;
      const measured = await sendAndWatchTransfers(adapter, transfers, {
        startMs,
        deadlineMs: startMs + (stepS + params.loadDrainS) * 1_000,
        fromHeight,
        signal: ctx.signal,
        workload,
        sender,
        // No final tier here: waiting finalityDepth blocks after every step would lengthen each step and
        // so spend the search's time budget (loadCapacityTimeBudgetS) differently; the search's figure
        // must not move for an informational tier. Accepted and included tiers and ground truth stay.
      });
      const window = { ...shape, rateTps, durationS: stepS, ...measured };
      windows.push(window);
      const outcome = judgeCapacityStep(mergeShards([window]), params);
      history.push({ rateTps, outcome, durationMs: loadClockMs() - stepStartedMs });
      ctx.progress(
        `[load] capacity shard ${ctx.shardIndex + 1}/${ctx.shardCount}: ${rateTps} tx/s ${outcome.kind}${outcome.kind === 'held' ? '' : ` (${outcome.reason})`}; ${measured.committed}/${measured.sent} committed`,
      );
    }
  }

  function shardResult(): LoadShardResult {
    const first = windows[0];
    if (!first) {
      // Search off (loadCapacityMaxSteps = 0) or interrupted before a step: nothing measured.
      const nowMs = loadClockMs();
      return {
        ...shape,
        rateTps: params.loadRateTps,
        durationS: stepS,
        sent: 0,
        accepted: 0,
        rejected: 0,
        committed: 0,
        lost: 0,
        firstSendAtMs: nowMs,
        lastInclusionAtMs: nowMs,
        lastSendAtMs: nowMs,
        latencyHistogram: encodeHistogram(newHistogram()),
        sendLagHistogram: encodeHistogram(newHistogram()),
        rejections: [],
        steps: [],
      };
    }
    return { ...first, steps: windows };
  }
}
