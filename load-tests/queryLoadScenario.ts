import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { defineLoadScenario } from '#core/checks/defineLoadScenario.ts';
import { judgeQueryLoad } from './judgeQueryLoad.ts';
import { mergeShards } from './mergeShards.ts';
import { queryLoadChecks } from './queryLoadChecks.ts';
import { queryLoadParameters, queryLoadRequires, queryScenarioName, runQueryShard } from './runQueryShard.ts';

/**
 * PERF-03: the read workload (JR/T 0193-2020 7.2 query throughput) at a constant arrival rate. Shape
 * in scenarios/constantArrivalRate.ts, logic in runQueryShard.ts, pass criteria in judgeQueryLoad.ts.
 */
export const queryLoadScenario = defineLoadScenario({
  name: queryScenarioName,
  description: 'eth_call and balance reads at a constant arrival rate, each answer checked',
  checks: [queryLoadChecks.throughput],
  requires: queryLoadRequires,
  parameters: queryLoadParameters,
  // One identity per shard whose balance is read: funded with 1 unit so it exists, never spent from.
  senders: () => ({ count: 1, budget: [{ kind: 'transfer', count: 0, value: 1n }] }),
  // Nothing to sign: one balance read before the clock starts.
  prepareMs: () => 500,
  runShard: runQueryShard,
  judge(shards, params, startedAt): CheckResult[] {
    const expected = shards[0]?.shardCount ?? 0;
    const present = new Set(shards.map((s) => s.shardIndex)).size;
    if (present < expected) {
      return [
        {
          checkId: queryLoadChecks.throughput.id,
          kind: 'load',
          status: 'error',
          summary: `inconclusive: only ${present} of ${expected} query shards reported results`,
          startedAt,
          durationMs: 0,
        },
      ];
    }
    return [judgeQueryLoad(mergeShards(shards), params, startedAt)];
  },
});
