import { randomBytes } from 'node:crypto';
import { createRpcTrace, type RpcTrace } from '#conformance/contracts/createRpcTrace.ts';
import { joinProblems } from '#conformance/contracts/joinProblems.ts';
import {
  BlockShape,
  type Log,
  LogListShape,
  quantity,
  type Receipt,
  ReceiptShape,
} from '#conformance/contracts/jsonRpcShapes.ts';
import { freshValue, type ProbeFunction, probeIntent, word } from '#conformance/contracts/probeCalls.ts';
import { probeContractFixture } from '#conformance/contracts/probeContractFixture.ts';
import { probeUnavailable } from '#conformance/contracts/probeUnavailable.ts';
import { describeUnrecorded, receiptEvidence, sendAndRecord } from '#conformance/contracts/sendAndRecord.ts';
import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { compareLogLists, describeLog } from './compareLogLists.ts';
import { bloomContains } from './logsBloom.ts';
import { type ExpectedLog, expectedProbeEvents, pingTopic, pongTopic } from './probeEventLogs.ts';
import { receiptLogProblems } from './receiptLogProblems.ts';

/** One transaction of the scenario: what it calls and the logs it must leave. */
interface Step {
  readonly fn: ProbeFunction;
  readonly args: readonly bigint[];
  readonly gas: bigint;
  readonly status: '0x0' | '0x1';
  readonly emits: (address: Hex, tag: bigint) => ExpectedLog[];
}

/**
 * Events across several transactions and blocks: two batches, a transaction without events, a call that
 * emits and then reverts (its log must not exist), and a last batch.
 */
const scenario: readonly Step[] = [
  {
    fn: 'emitEvents',
    args: [2n],
    gas: 200_000n,
    status: '0x1',
    emits: (a, t) => expectedProbeEvents(a, t, 2),
  },
  { fn: 'set', args: [7n], gas: 120_000n, status: '0x1', emits: () => [] },
  {
    fn: 'emitEvents',
    args: [1n],
    gas: 200_000n,
    status: '0x1',
    emits: (a, t) => expectedProbeEvents(a, t, 1),
  },
  { fn: 'writeThenRevert', args: [7n], gas: 200_000n, status: '0x0', emits: () => [] },
  {
    fn: 'emitEvents',
    args: [3n],
    gas: 250_000n,
    status: '0x1',
    emits: (a, t) => expectedProbeEvents(a, t, 3),
  },
];

/** Receipts read to place a transaction's first logIndex in its block; beyond this the placement is not checked. */
const maxEarlierReceipts = 32;

/** Logs of transactions not sent by the check that a range query may also return (someone else called the probe). */
const maxForeignTransactions = 10;

/**
 * EV-01 — JR/T 0193-2020 6.5 (event distribution: complete and ordered delivery): the logs a client
 * reads back with eth_getLogs are exactly the events the contract emitted. The check sends five Probe
 * transactions with a fresh tag (emitEvents(tag, 2), set, emitEvents(tag, 1), writeThenRevert,
 * emitEvents(tag, 3)) and reads them back.
 *
 * Comparison policy, from the harness's own knowledge to the node's answers:
 * - each receipt holds exactly the logs Probe.sol emits for that call (topics and data recomputed by
 *   the harness; none for set and for the reverted call), names its own block and transaction, has
 *   consecutive logIndex values and a logsBloom equal to the bloom the harness computes; its block
 *   lists the transaction at its index and has a bloom covering the receipt's, and its first logIndex
 *   equals the number of logs of the transactions before it in the block (when at most 32 precede it);
 * - eth_getLogs over the block range and the probe's address, eth_getLogs by blockHash for each block,
 *   by topics [Ping, tag], and by topics [[Ping, Pong], tag] without address each return exactly the
 *   receipts' logs that match (every field equal), ordered by (blockNumber, logIndex), no duplicates,
 *   none `removed`; a query for another address or another tag returns nothing.
 * Logs of transactions the check did not send (a stranger calling the probe) are added to the expected
 * list from their own receipts. Any difference, error or malformed answer is a `fail`.
 */
export const eventLogsComplete = defineCheck({
  id: 'event-logs-complete',
  catalogueId: 'EV-01',
  kind: 'conformance',
  title: { zh: '事件日志完整、有序且可按条件查询', en: 'Event logs are complete, ordered and filterable' },
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  fixtures: [probeContractFixture],
  faults: ['logs-dropped', 'logs-topic-filter-ignored'],
  budget: () => [{ kind: 'call', count: scenario.length }],
  description:
    'Sends five Probe transactions with a fresh tag (three emitting Ping/Pong events, one without events, one that ' +
    'emits and reverts), checks each receipt’s logs and bloom against the events the harness computes, then reads ' +
    'them back with eth_getLogs by block range and address, by blockHash, and by topics. Passes when every query ' +
    'returns exactly the matching receipt logs, in (blockNumber, logIndex) order, without gaps or duplicates.',
  failsWhen:
    'A receipt lacks or alters an emitted event or keeps a reverted one, a bloom is wrong, or eth_getLogs misses, ' +
    'adds, duplicates, reorders or alters logs, or ignores an address or topic filter.',
  async run({ adapter, params, account, fixture }) {
    const probe = await fixture(probeContractFixture);
    if (!probe.deployed) return probeUnavailable(probe);
    const address = probe.address.toLowerCase() as Hex;
    const trace = createRpcTrace(adapter.rpc);
    const tag = freshValue();
    const evidence: Record<string, unknown> = { probe: address, tag: tag.toString(), tagTopic: word(tag) };
    const finish = (extra: Record<string, unknown> = {}) => ({
      ...evidence,
      ...extra,
      rpc: trace.exchanges(),
    });
    const problems: string[] = [];

    const receipts: Receipt[] = [];
    const sent: Record<string, unknown>[] = [];
    for (const step of scenario) {
      const args = step.fn === 'emitEvents' ? [tag, ...step.args] : step.args;
      const label = `${step.fn}(${args.join(', ')})`;
      const outcome = await sendAndRecord(
        adapter.transactions,
        trace,
        probeIntent(address, step.fn, args),
        account,
        {
          gasLimit: step.gas,
          timeoutMs: params.receiptTimeoutMs,
        },
      );
      if (outcome.kind !== 'recorded') {
        return {
          status: 'fail',
          summary: describeUnrecorded(label, outcome, params.receiptTimeoutMs),
          evidence: finish({ sent }),
        };
      }
      const { receipt } = outcome;
      sent.push({ call: label, ...receiptEvidence(receipt) });
      if (receipt.status !== step.status) {
        problems.push(`${label} is recorded with status ${receipt.status}, expected ${step.status}`);
      }
      problems.push(...receiptLogProblems(label, receipt, step.emits(address, tag)));
      problems.push(...(await blockProblems(trace, label, receipt)));
      receipts.push(receipt);
    }
    evidence.sent = sent;
    const ours = receipts.flatMap((r) => r.logs);
    const from = receipts[0]!.blockNumber;
    const to = receipts[receipts.length - 1]!.blockNumber;
    const range = { fromBlock: quantity(from), toBlock: quantity(to) };
    evidence.range = `${from}..${to}`;
    const byPosition = (a: Log, b: Log) =>
      a.blockNumber === b.blockNumber
        ? Number(a.logIndex - b.logIndex)
        : a.blockNumber < b.blockNumber
          ? -1
          : 1;

    const queries: {
      label: string;
      filter: Record<string, unknown>;
      expected: (all: readonly Log[]) => Log[];
    }[] = [
      {
        label: `eth_getLogs(blocks ${from}..${to}, address)`,
        filter: { ...range, address },
        expected: (all) => all.filter((l) => l.address === address),
      },
      {
        label: `eth_getLogs(blocks ${from}..${to}, address, topics [Ping, tag])`,
        filter: { ...range, address, topics: [pingTopic, word(tag)] },
        expected: (all) =>
          all.filter((l) => l.address === address && l.topics[0] === pingTopic && l.topics[1] === word(tag)),
      },
      {
        label: `eth_getLogs(blocks ${from}..${to}, topics [[Ping, Pong], tag])`,
        filter: { ...range, topics: [[pingTopic, pongTopic], word(tag)] },
        expected: (all) =>
          all.filter(
            (l) => (l.topics[0] === pingTopic || l.topics[0] === pongTopic) && l.topics[1] === word(tag),
          ),
      },
      {
        label: `eth_getLogs(blocks ${from}..${to}, another address)`,
        filter: { ...range, address: `0x${randomBytes(20).toString('hex')}` },
        expected: () => [],
      },
      {
        label: `eth_getLogs(blocks ${from}..${to}, address, topics [null, another tag])`,
        filter: { ...range, address, topics: [null, word(tag + 1n)] },
        expected: () => [],
      },
      ...[...new Set(receipts.map((r) => r.blockHash))].map((blockHash) => ({
        label: `eth_getLogs(blockHash ${blockHash.slice(0, 10)}…, address)`,
        filter: { blockHash, address },
        expected: (all: readonly Log[]) =>
          all.filter((l) => l.blockHash === blockHash && l.address === address),
      })),
    ];

    const foreign = new Map<string, Log[]>();
    const counts: Record<string, number> = {};
    for (const query of queries) {
      const read = await trace.read('eth_getLogs', [query.filter], LogListShape);
      if (!read.ok) {
        problems.push(`${query.label}: ${read.problem}`);
        continue;
      }
      counts[query.label] = read.value.length;
      for (const log of read.value)
        if (log.removed === true) problems.push(`${query.label}: ${describeLog(log)} is marked removed`);
      const strangers = await foreignLogs(trace, read.value, receipts, foreign);
      problems.push(...strangers.problems.map((p) => `${query.label}: ${p}`));
      const known = [...ours, ...[...foreign.values()].flat()].sort(byPosition);
      problems.push(...compareLogLists(query.label, query.expected(known), read.value));
    }

    const expected = {
      receipts: 'exactly the events Probe.sol emits per call; bloom as computed',
      queries: Object.fromEntries(queries.map((q) => [q.label, q.expected(ours).length])),
    };
    const actual = { logsInReceipts: ours.length, queries: counts };
    if (foreign.size > 0) evidence.foreignTransactions = [...foreign.keys()];
    if (problems.length > 0) {
      return {
        status: 'fail',
        summary: joinProblems(problems),
        expected,
        actual,
        evidence: finish({ problems }),
      };
    }
    return {
      status: 'pass',
      summary: `${ours.length} logs of ${receipts.length} transactions in blocks ${from}..${to} match the emitted events and blooms; ${queries.length} eth_getLogs queries (range, blockHash, topics, negative) returned exactly the matching logs in order`,
      expected,
      actual,
      evidence: finish(),
    };
  },
});

/** The receipt's block must list the transaction at its index and carry a bloom covering the receipt's. */
async function blockProblems(trace: RpcTrace, label: string, receipt: Receipt): Promise<string[]> {
  const block = await trace.read(
    'eth_getBlockByNumber',
    [quantity(receipt.blockNumber), false],
    BlockShape.nullable(),
  );
  if (!block.ok) return [`${label}: its block: ${block.problem}`];
  if (block.value === null)
    return [`${label}: block ${receipt.blockNumber}, named by its receipt, is missing`];
  const problems: string[] = [];
  if (block.value.hash !== receipt.blockHash)
    problems.push(
      `${label}: block ${receipt.blockNumber} has hash ${block.value.hash}, the receipt names ${receipt.blockHash}`,
    );
  if (block.value.transactions[Number(receipt.transactionIndex)] !== receipt.transactionHash)
    problems.push(
      `${label}: block ${receipt.blockNumber} does not list the transaction at index ${receipt.transactionIndex}`,
    );
  if (!bloomContains(block.value.logsBloom, receipt.logsBloom))
    problems.push(`${label}: block ${receipt.blockNumber}'s logsBloom does not cover its receipt's`);
  // logIndex counts the logs of the whole block: the first log of this transaction comes after every
  // log of the transactions before it (a node numbering logs per transaction fails here).
  const earlier = block.value.transactions.slice(0, Number(receipt.transactionIndex));
  const first = receipt.logs[0];
  if (first === undefined || earlier.length > maxEarlierReceipts) return problems;
  let before = 0n;
  for (const txHash of earlier) {
    const other = await trace.read('eth_getTransactionReceipt', [txHash], ReceiptShape.nullable());
    if (!other.ok)
      return [...problems, `${label}: the receipt of ${txHash}, earlier in its block: ${other.problem}`];
    if (other.value === null)
      return [...problems, `${label}: block ${receipt.blockNumber} lists ${txHash}, which has no receipt`];
    before += BigInt(other.value.logs.length);
  }
  if (first.logIndex !== before) {
    problems.push(
      `${label}: its first log has logIndex ${first.logIndex}, but ${before} log(s) of earlier transactions precede it in block ${receipt.blockNumber}`,
    );
  }
  return problems;
}

/**
 * Logs in an answer from transactions the check did not send: their receipts' logs join the expected
 * lists (bounded). A log naming a transaction that has no receipt is a problem.
 */
async function foreignLogs(
  trace: RpcTrace,
  logs: readonly Log[],
  receipts: readonly Receipt[],
  foreign: Map<string, Log[]>,
): Promise<{ problems: string[] }> {
  const mine = new Set(receipts.map((r) => r.transactionHash));
  const problems: string[] = [];
  for (const txHash of new Set(logs.map((l) => l.transactionHash))) {
    if (mine.has(txHash) || foreign.has(txHash)) continue;
    if (foreign.size >= maxForeignTransactions) {
      problems.push(
        `logs of more than ${maxForeignTransactions} other transactions in the range; not all were checked`,
      );
      break;
    }
    const receipt = await trace.read('eth_getTransactionReceipt', [txHash], ReceiptShape.nullable());
    if (!receipt.ok) problems.push(`the receipt of ${txHash}, named by a log: ${receipt.problem}`);
    else if (receipt.value === null) problems.push(`a log names transaction ${txHash}, which has no receipt`);
    foreign.set(txHash, receipt.ok && receipt.value !== null ? receipt.value.logs : []);
  }
  return { problems };
}
