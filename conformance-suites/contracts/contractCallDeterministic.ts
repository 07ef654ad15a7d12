import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { createNetworkTraces, type RpcTrace } from './createRpcTrace.ts';
import { joinProblems } from './joinProblems.ts';
import { DataShape, quantity } from './jsonRpcShapes.ts';
import { expectedMix, freshValue, probeCallData, word } from './probeCalls.ts';
import { probeContractFixture } from './probeContractFixture.ts';
import { probeUnavailable } from './probeUnavailable.ts';
import { waitForHeight } from './waitForHeight.ts';
import { writeProbeValues } from './writeProbeValues.ts';

/** Times each endpoint is asked the same get() at the same block. */
const repeats = 3;
/** mix(seed, rounds): enough keccak rounds that a wrong EVM shows, cheap to recompute. */
const mixRounds = 16;

interface Observation {
  readonly endpoint: number;
  readonly query: string;
  readonly answer: string;
}

/**
 * SC-02 — JR/T 0184-2020 12.6: a contract gives identical results on all nodes. The check writes
 * x1 = set(x1) in block N1 and x2 in a later block N2, then on every endpoint of the network (after it
 * holds N2) asks eth_call get() at block N1 three times, eth_call mix(seed, 16) at N1 and eth_getCode
 * at N1.
 *
 * Comparison policy: answers are compared as lower-case bytes. Every answer to the same query must be
 * identical, repeated and across endpoints; get() at N1 must also be the word x1 the harness wrote,
 * and mix() the value the harness recomputes with keccak256. With one endpoint only repeatability and
 * the expected values are judged (the summary says so); pass `--target` once per node to compare
 * nodes. An endpoint that does not reach N2 within receiptTimeoutMs, an error or a malformed answer is
 * a `fail`: the node answers, but not with the state the network agreed on.
 */
export const contractCallDeterministic = defineCheck({
  id: 'contract-call-deterministic',
  catalogueId: 'SC-02',
  kind: 'conformance',
  title: { zh: '合约执行结果确定且各节点一致', en: 'Contract calls are deterministic on every node' },
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  fixtures: [probeContractFixture],
  faults: ['nondeterministic-call', 'state-one-block-behind'],
  budget: () => [{ kind: 'call', count: 2 }],
  description:
    'Writes x1 with Probe.set in block N1 and x2 in a later block, then on every endpoint asks eth_call get() at ' +
    'block N1 three times, eth_call mix(seed, 16) at N1 and eth_getCode at N1. Passes when all answers to the same ' +
    'query are identical on every endpoint, get() is x1 and mix() equals the harness recomputation.',
  failsWhen:
    'Repeated or cross-node answers to the same call at the same block differ, get() at N1 is not x1, mix() is not ' +
    'the keccak256 chain the harness computes, or an endpoint never reaches N2.',
  async run({ adapter, network, params, account, fixture }) {
    const probe = await fixture(probeContractFixture);
    if (!probe.deployed) return probeUnavailable(probe);
    const shared = createNetworkTraces(network.map((endpoint) => endpoint.rpc));
    const x1 = freshValue();
    const x2 = x1 + 1n;
    const seed = freshValue();
    const evidence: Record<string, unknown> = { probe: probe.address, endpoints: network.length };
    const finish = (extra: Record<string, unknown> = {}) => ({
      ...evidence,
      ...extra,
      rpc: shared[0]!.exchanges(),
    });

    const written = await writeProbeValues(
      adapter.transactions,
      shared[0]!,
      probe.address,
      account,
      [x1, x2],
      params.receiptTimeoutMs,
    );
    evidence.writes = written.evidence;
    if (!written.ok) return { status: 'fail', summary: written.problem, evidence: finish() };
    const n1 = written.writes[0]!.receipt.blockNumber;
    const n2 = written.writes[1]!.receipt.blockNumber;

    const queries: { name: string; run: (trace: RpcTrace) => ReturnType<RpcTrace['read']> }[] = [
      ...Array.from({ length: repeats }, () => ({
        name: `eth_call get() at block ${n1}`,
        run: (trace: RpcTrace) =>
          trace.read(
            'eth_call',
            [{ to: probe.address, data: probeCallData('get') }, quantity(n1)],
            DataShape,
          ),
      })),
      {
        name: `eth_call mix(${seed}, ${mixRounds}) at block ${n1}`,
        run: (trace) =>
          trace.read(
            'eth_call',
            [{ to: probe.address, data: probeCallData('mix', [seed, BigInt(mixRounds)]) }, quantity(n1)],
            DataShape,
          ),
      },
      {
        name: `eth_getCode at block ${n1}`,
        run: (trace) => trace.read('eth_getCode', [probe.address, quantity(n1)], DataShape),
      },
    ];
    const expectedByQuery: Record<string, Hex> = {
      [`eth_call get() at block ${n1}`]: word(x1),
      [`eth_call mix(${seed}, ${mixRounds}) at block ${n1}`]: expectedMix(seed, mixRounds),
    };

    const problems: string[] = [];
    const observations: Observation[] = [];
    for (const [i, trace] of shared.entries()) {
      if (i > 0) {
        const reached = await waitForHeight(trace, n2, params.receiptTimeoutMs);
        if (!reached.reached) {
          problems.push(
            `endpoint ${i} (${network[i]!.info.endpoint}) does not hold block ${n2}: ${reached.problem}`,
          );
          continue;
        }
      }
      for (const query of queries) {
        const read = await query.run(trace);
        if (!read.ok) {
          problems.push(`${query.name} on endpoint ${i}: ${read.problem}`);
          continue;
        }
        observations.push({ endpoint: i, query: query.name, answer: read.value as string });
      }
    }

    const distinct = new Map<string, Map<string, number[]>>();
    for (const o of observations) {
      const answers = distinct.get(o.query) ?? new Map<string, number[]>();
      answers.set(o.answer, [...(answers.get(o.answer) ?? []), o.endpoint]);
      distinct.set(o.query, answers);
    }
    for (const [query, answers] of distinct) {
      if (answers.size > 1) {
        const listed = [...answers].map(
          ([answer, endpoints]) => `${short(answer)} (endpoint ${endpoints.join(', ')})`,
        );
        problems.push(`${query} answered ${answers.size} different results: ${listed.join('; ')}`);
      }
      const wanted = expectedByQuery[query];
      if (wanted !== undefined) {
        for (const [answer, endpoints] of answers) {
          if (answer !== wanted)
            problems.push(
              `${query} answered ${short(answer)} on endpoint ${[...new Set(endpoints)].join(', ')}, expected ${short(wanted)}`,
            );
        }
      }
    }

    const expected = {
      [`get() at ${n1}`]: word(x1),
      [`mix(${seed}, ${mixRounds}) at ${n1}`]: expectedMix(seed, mixRounds),
      agreement: 'every answer to the same query identical, repeated and on every endpoint',
    };
    const actual = Object.fromEntries(
      [...distinct].map(([query, answers]) => [query, [...answers.keys()].map(short)]),
    );
    if (problems.length > 0) {
      return {
        status: 'fail',
        summary: joinProblems(problems),
        expected,
        actual,
        evidence: finish({ problems }),
      };
    }
    const scope =
      network.length === 1
        ? 'on the one endpoint (repeatability only: pass --target once per node to compare nodes)'
        : `on all ${network.length} endpoints`;
    return {
      status: 'pass',
      summary: `${observations.length} calls at block ${n1} gave identical answers ${scope}: get() = x1, mix() as recomputed, one code`,
      expected,
      actual,
      evidence: finish(),
    };
  },
});

function short(value: string): string {
  return value.length > 80 ? `${value.slice(0, 66)}…(${(value.length - 2) / 2} bytes)` : value;
}
