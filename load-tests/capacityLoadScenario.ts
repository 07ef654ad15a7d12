import type { CheckResult } from '#core/checks/CheckResultSchema.ts';
import { defineLoadScenario } from '#core/checks/defineLoadScenario.ts';
import { capacityLoadChecks } from './capacityLoadChecks.ts';
import { judgeCapacity } from './judgeCapacity.ts';
import { loadBudget } from './loadBudget.ts';
import {
  capacityLoadParameters,
  capacityLoadRequires,
  capacityScenarioName,
  runCapacityShard,
  stepPrepareMs,
} from './runCapacityShard.ts';

/** About one sender per tx/s, as the constant-rate scenario, up to this many per shard. */
const maxSendersPerShard = 64;

/** The highest rate the search can reach within its steps (stepping up; bisection stays below). */
function highestRateTps(params: {
  loadRateTps: number;
  loadCapacityGrowth: number;
  loadCapacityMaxSteps: number;
  loadCapacityMaxTps: number;
}): number {
  const steps = Math.max(1, params.loadCapacityMaxSteps);
  return Math.min(params.loadCapacityMaxTps, params.loadRateTps * params.loadCapacityGrowth ** (steps - 1));
}

/**
 * PERF-04: the capacity search (shape: scenarios/capacitySearch.ts; logic: runCapacityShard.ts;
 * criteria: judgeCapacity.ts). Small by default (two steps) so an evaluation stays short; the
 * operator raises loadCapacityMaxSteps to find a chain's capacity.
 */
export const capacityLoadScenario = defineLoadScenario({
  name: capacityScenarioName,
  description:
    'pre-signed native transfers at rising constant rates until the success rate or latency bound breaks',
  checks: [capacityLoadChecks.capacity],
  requires: capacityLoadRequires,
  parameters: capacityLoadParameters,
  senders(params, shardCount) {
    const top = highestRateTps(params);
    const count = Math.max(1, Math.min(maxSendersPerShard, Math.ceil(top / shardCount)));
    // Every step at most at the top rate: enough for the whole search, whatever path it takes.
    const perShard =
      Math.ceil((top * params.loadCapacityStepS) / shardCount) * Math.max(1, params.loadCapacityMaxSteps);
    const perSender = Math.ceil(perShard / count);
    return {
      count,
      budget: loadBudget(params.loadWorkload, perSender),
    };
  },
  prepareMs: (params, shardCount) => stepPrepareMs(params.loadRateTps, params.loadCapacityStepS, shardCount),
  runShard: runCapacityShard,
  judge: (shards, params, startedAt): CheckResult[] => [judgeCapacity(shards, params, startedAt)],
});
