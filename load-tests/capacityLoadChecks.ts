import type { LoadCheckMeta } from '#core/checks/defineLoadScenario.ts';

/** The check the capacity search decides (JR/T 0193-2020 7.1; CAICT stress test at capacity). */
export const capacityLoadChecks = {
  capacity: {
    id: 'perf-capacity',
    catalogueId: 'PERF-04',
    title: {
      zh: '交易处理容量（压力测试：满足成功率与延迟的最高发送速率）',
      en: 'Transaction capacity (highest offered rate that keeps the success rate and latency bound)',
    },
    faults: ['drop-transactions', 'slow-responses'],
    description:
      'Capacity search over pre-signed transfers: constant-rate steps of loadCapacityStepS starting at loadRateTps, ' +
      'the rate multiplied by loadCapacityGrowth while a step holds (success rate ≥ loadSuccessRateMin, the CAICT ' +
      'stress criterion, and p95 latency ≤ loadLatencyP95MaxMs), then bisected between the highest rate that held and ' +
      'the lowest that broke; bounded by loadCapacityMaxSteps, loadCapacityMaxTps and loadCapacityTimeBudgetS. Reports the ' +
      'highest rate that held, its committed TPS and p95, and the bound that stopped the search. Pass when at least the ' +
      'first rate held and, when the operator sets loadTpsTarget, the capacity reaches it.',
    failsWhen:
      'Even the first rate loses or refuses transactions or misses the latency bound, or the capacity is below ' +
      "loadTpsTarget. Inconclusive when the harness could not keep the first step's schedule; a later harness-bound " +
      'step ends the search and the capacity is reported as "at least" the last rate that held.',
  },
} as const satisfies Record<string, LoadCheckMeta>;
