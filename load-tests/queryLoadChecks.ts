import type { LoadCheckMeta } from '#core/checks/defineLoadScenario.ts';

/** The check the query load scenario decides (JR/T 0193-2020 7.2 query throughput). */
export const queryLoadChecks = {
  throughput: {
    id: 'perf-query-throughput',
    catalogueId: 'PERF-03',
    title: {
      zh: '查询吞吐率（读请求每秒与延迟）',
      en: 'Query throughput (answered reads per second and their latency)',
    },
    faults: ['slow-responses', 'wrong-read-results'],
    description:
      'Reads sent at a constant arrival rate (open model) for queryDurationS: eth_call of the identity precompile with ' +
      'a payload per query (the answer must echo it) alternating with balance reads of an account nobody spends from ' +
      '(the answer must equal the balance read before the clock started). A query counts once it is answered ' +
      'correctly; latency runs from its intended send time (Hyperledger PSWG read latency), and answered queries per ' +
      'second are reported (PSWG read throughput). Pass when the share answered correctly reaches loadSuccessRateMin ' +
      'and p95 ≤ queryLatencyP95MaxMs.',
    failsWhen:
      'Reads are refused, answered wrongly, or answered too slowly (p95 over the bound). Inconclusive when the ' +
      'harness could not keep the schedule, unless the p95 exceeds the bound even less the largest send lag (then ' +
      'the node alone was too slow, and it fails).',
  },
} as const satisfies Record<string, LoadCheckMeta>;
