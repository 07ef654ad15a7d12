import type { LoadCheckMeta } from '#core/checks/defineLoadScenario.ts';

/** The checks the transfer load scenario decides (JR/T 0193-2020 7.1 throughput, 7.3 tx sync performance). */
export const transferLoadChecks = {
  throughput: {
    id: 'perf-transaction-throughput',
    catalogueId: 'PERF-01',
    title: {
      zh: '交易吞吐量（上链 TPS 与上链成功率）',
      en: 'Transaction throughput (committed TPS and commit success rate)',
    },
    faults: ['drop-transactions'],
    description:
      'Pre-signed transfers sent at a constant arrival rate (open model) for the profile duration. Pass when ' +
      'the commit success rate (committed / sent, CAICT stress test) reaches loadSuccessRateMin and, when the operator ' +
      'sets loadTpsTarget, committed TPS (committed / window from first intended send to last inclusion, PSWG) ' +
      'reaches it; committed TPS is always reported.',
    failsWhen:
      'Transactions are rejected, acknowledged but never committed (lost), or committed below loadTpsTarget. ' +
      'Inconclusive when the harness could not keep the schedule.',
  },
  latency: {
    id: 'perf-transaction-latency',
    catalogueId: 'PERF-02',
    title: { zh: '交易同步性能（上链延迟）', en: 'Transaction latency (intended send to inclusion)' },
    faults: ['slow-responses'],
    description:
      'Latency of each committed transfer from its intended send time to the first observation of a block holding it ' +
      '(no coordinated omission), in an HDR histogram merged across shards. Pass when p95 ≤ loadLatencyP95MaxMs.',
    failsWhen:
      'p95 latency exceeds the bound, or nothing is committed. Inconclusive when the harness could not keep the ' +
      'schedule.',
  },
} as const satisfies Record<string, LoadCheckMeta>;
