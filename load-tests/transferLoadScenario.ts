import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { defineLoadScenario } from '#core/checks/defineLoadScenario.ts';
import { judgeTransferLoad } from './judgeTransferLoad.ts';
import { loadBudget } from './loadBudget.ts';
import { mergeShards } from './mergeShards.ts';
import { runTransferShard, transferScenarioName } from './runTransferShard.ts';
import { transferLoadChecks } from './transferLoadChecks.ts';
import { transferLoadParameters, transferLoadRequires } from './transferShardContext.ts';

/** About one sender per tx/s keeps roughly one transaction per sender per block. */
const maxSendersPerShard = 64;
/** Signing rate assumed when the plan sets the common start time (toolchain.md: ≈ 3k/s on one core). */
const assumedSignsPerSecond = 1_500;

/** Transactions one shard sends: shards split the schedule `i mod shardCount`. */
function shardTransactions(rateTps: number, durationS: number, shardCount: number): number {
  return Math.ceil(Math.max(1, Math.round(rateTps * durationS)) / shardCount);
}

/**
 * PERF-01 and PERF-02: plain transfers at a constant arrival rate (k6 style: shape in
 * scenarios/constantArrivalRate.ts, logic in runTransferShard.ts, pass criteria in
 * judgeTransferLoad.ts).
 */
export const transferLoadScenario = defineLoadScenario({
  name: transferScenarioName,
  description: 'pre-signed native transfers at a constant arrival rate',
  checks: [transferLoadChecks.throughput, transferLoadChecks.latency],
  requires: transferLoadRequires,
  parameters: transferLoadParameters,
  senders(params, shardCount) {
    const perShard = shardTransactions(params.loadRateTps, params.loadDurationS, shardCount);
    const count = Math.max(
      1,
      Math.min(maxSendersPerShard, perShard, Math.ceil(params.loadRateTps / shardCount)),
    );
    const perSender = Math.ceil(perShard / count);
    return {
      count,
      budget: loadBudget(params.loadWorkload, perSender),
    };
  },
  prepareMs(params, shardCount) {
    const perShard = shardTransactions(params.loadRateTps, params.loadDurationS, shardCount);
    return (perShard / assumedSignsPerSecond) * 1_000 + 500;
  },
  runShard: runTransferShard,
  judge(shards, params, startedAt): CheckResult[] {
    const expected = shards[0]?.shardCount ?? 0;
    const present = new Set(shards.map((s) => s.shardIndex)).size;
    if (present < expected) {
      // A missing shard would understate throughput; no verdict is better than a wrong one.
      const summary = `inconclusive: only ${present} of ${expected} load shards reported results`;
      return [transferLoadChecks.throughput, transferLoadChecks.latency].map((c) => ({
        checkId: c.id,
        kind: 'load',
        status: 'error',
        summary,
        startedAt,
        durationMs: 0,
      }));
    }
    return judgeTransferLoad(mergeShards(shards), params, startedAt);
  },
});
