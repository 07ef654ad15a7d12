import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import type { LoadScenario } from '#core/run/LoadScenario.ts';
import { judgeTransferLoad } from './judgeTransferLoad.ts';
import { mergeShards } from './mergeShards.ts';
import { runTransferShard, transferScenarioName } from './runTransferShard.ts';
import { transferLoadChecks } from './transferLoadChecks.ts';

/**
 * PERF-01 and PERF-02: plain transfers at a constant arrival rate (k6 style: shape in
 * scenarios/constantArrivalRate.ts, logic in runTransferShard.ts, pass criteria in
 * judgeTransferLoad.ts).
 */
export const transferLoadScenario: LoadScenario = {
  name: transferScenarioName,
  checks: [transferLoadChecks.throughput, transferLoadChecks.latency],
  requires: ['tx.clientSign', 'tx.receipts', 'block.read'],
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
};
