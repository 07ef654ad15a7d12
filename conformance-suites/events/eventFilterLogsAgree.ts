import { createRpcTrace, type RpcTrace } from '#conformance/contracts/createRpcTrace.ts';
import { joinProblems } from '#conformance/contracts/joinProblems.ts';
import {
  FilterIdShape,
  type Log,
  LogListShape,
  QuantityShape,
  quantity,
  type Receipt,
} from '#conformance/contracts/jsonRpcShapes.ts';
import { freshValue, probeIntent, word } from '#conformance/contracts/probeCalls.ts';
import { probeContractFixture } from '#conformance/contracts/probeContractFixture.ts';
import { probeUnavailable } from '#conformance/contracts/probeUnavailable.ts';
import { describeUnrecorded, receiptEvidence, sendAndRecord } from '#conformance/contracts/sendAndRecord.ts';
import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { compareLogLists } from './compareLogLists.ts';
import { methodNotOffered } from './methodNotOffered.ts';
import { pingTopic } from './probeEventLogs.ts';

const emitGas = 200_000n;
const pollMs = 100;
/** After uninstalling: how many times the dead filter is polled for the event emitted after it. */
const deadFilterPolls = 3;

/**
 * EV-03 (chaineval extension) — JR/T 0193-2020 6.5 (event distribution): the three ways a client
 * reads events agree. The check installs a log filter {fromBlock: head, address: probe, topics: [Ping,
 * tag]} with a fresh tag, emits matching events (and non-matching Pongs) in two transactions, then
 * compares eth_getFilterChanges, eth_getFilterLogs and eth_getLogs with the same criteria; emits once
 * more and expects eth_getFilterChanges to deliver only the new event and eth_getFilterLogs all of
 * them; then uninstalls the filter, emits again and polls it.
 *
 * Comparison policy: the receipts' Ping logs with the tag are the expected lists (EV-01 judges the
 * receipts themselves); each answer must equal them exactly (every field, (blockNumber, logIndex)
 * order, no duplicates). eth_getFilterLogs is "all logs matching the filter" (execution-apis) and must
 * not depend on earlier polls. Changes may reach a filter a moment after the receipt: the check polls
 * (every 100 ms, at most receiptTimeoutMs) until the expected logs arrived. eth_uninstallFilter must
 * answer true, then false (or an error) for the same id; after it, the filter must deliver nothing
 * (an error, null or [] are accepted). An error or malformed answer is a `fail`, except an endpoint
 * that does not serve eth_newFilter at all (-32601/-32004): `skip`, since it may deliver events over a
 * WebSocket subscription this check does not probe.
 */
export const eventFilterLogsAgree = defineCheck({
  id: 'event-filter-logs-agree',
  catalogueId: 'EV-03',
  kind: 'conformance',
  title: { zh: '日志过滤器与日志查询结果一致', en: 'Log filters agree with eth_getLogs' },
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  fixtures: [probeContractFixture],
  faults: ['filter-logs-consume-changes', 'filter-uninstall-ignored'],
  budget: () => [{ kind: 'call', count: 4 }],
  description:
    'Installs an eth_newFilter log filter for the probe’s Ping events with a fresh tag, emits events, and compares ' +
    'eth_getFilterChanges, eth_getFilterLogs and eth_getLogs with the same criteria against the receipts; emits ' +
    'again (changes: only the new log; filter logs: all), then uninstalls the filter and emits once more. Passes ' +
    'when all answers equal the receipts’ matching logs and the uninstalled filter delivers nothing.',
  failsWhen:
    'Filter changes, filter logs and eth_getLogs disagree with the receipts (missing, extra, repeated or altered ' +
    'logs), eth_getFilterLogs depends on earlier polls, or an uninstalled filter still delivers.',
  async run({ adapter, params, account, fixture }) {
    const probe = await fixture(probeContractFixture);
    if (!probe.deployed) return probeUnavailable(probe);
    const address = probe.address.toLowerCase() as Hex;
    const trace = createRpcTrace(adapter.rpc);
    const tag = freshValue();
    const evidence: Record<string, unknown> = { probe: address, tag: tag.toString() };
    const finish = (extra: Record<string, unknown> = {}) => ({
      ...evidence,
      ...extra,
      rpc: trace.exchanges(),
    });
    const fail = (summary: string) => ({ status: 'fail' as const, summary, evidence: finish() });
    const problems: string[] = [];
    const sent: Record<string, unknown>[] = [];
    evidence.sent = sent;

    const emit = async (count: bigint): Promise<Receipt | string> => {
      const label = `emitEvents(${tag}, ${count})`;
      const outcome = await sendAndRecord(
        adapter.transactions,
        trace,
        probeIntent(address, 'emitEvents', [tag, count]),
        account,
        {
          gasLimit: emitGas,
          timeoutMs: params.receiptTimeoutMs,
        },
      );
      if (outcome.kind !== 'recorded') return describeUnrecorded(label, outcome, params.receiptTimeoutMs);
      sent.push({ call: label, ...receiptEvidence(outcome.receipt) });
      if (outcome.receipt.status !== '0x1')
        return `${label} is recorded with status ${outcome.receipt.status}`;
      return outcome.receipt;
    };
    const matching = (receipts: readonly Receipt[]): Log[] =>
      receipts
        .flatMap((r) => r.logs)
        .filter((l) => l.address === address && l.topics[0] === pingTopic && l.topics[1] === word(tag));

    const head = await trace.read('eth_blockNumber', [], QuantityShape);
    if (!head.ok) return fail(head.problem);
    const criteria = { fromBlock: quantity(head.value), address, topics: [pingTopic, word(tag)] };
    evidence.criteria = criteria;
    const install = await trace.request('eth_newFilter', [criteria]);
    const unserved = methodNotOffered('eth_newFilter', install, finish());
    if (unserved !== undefined) return unserved;
    const installed = FilterIdShape.safeParse(install.kind === 'result' ? install.result : undefined);
    if (!installed.success) {
      return fail(
        `eth_newFilter answered ${install.kind === 'result' ? `a malformed filter id ${JSON.stringify(install.result)?.slice(0, 60)}` : `error ${install.error.code} "${install.error.message.slice(0, 120)}"`}`,
      );
    }
    const filterId = installed.data;
    evidence.filterId = filterId;

    const first: Receipt[] = [];
    for (const count of [2n, 1n]) {
      const receipt = await emit(count);
      if (typeof receipt === 'string') return fail(receipt);
      first.push(receipt);
    }
    const expected1 = matching(first);
    const changes1 = await pollChanges(trace, filterId, expected1.length, params.receiptTimeoutMs);
    if (typeof changes1 === 'string') return fail(changes1);
    problems.push(...compareLogLists('eth_getFilterChanges after the first events', expected1, changes1));
    const filterLogs1 = await trace.read('eth_getFilterLogs', [filterId], LogListShape);
    if (!filterLogs1.ok) problems.push(`eth_getFilterLogs: ${filterLogs1.problem}`);
    else
      problems.push(
        ...compareLogLists('eth_getFilterLogs after the first events', expected1, filterLogs1.value),
      );
    const toBlock = first[first.length - 1]!.blockNumber;
    const logs1 = await trace.read(
      'eth_getLogs',
      [{ ...criteria, toBlock: quantity(toBlock) }],
      LogListShape,
    );
    if (!logs1.ok) problems.push(`eth_getLogs with the filter's criteria: ${logs1.problem}`);
    else
      problems.push(
        ...compareLogLists(
          `eth_getLogs with the filter's criteria up to block ${toBlock}`,
          expected1,
          logs1.value,
        ),
      );

    const third = await emit(1n);
    if (typeof third === 'string') return fail(third);
    const expected2 = matching([third]);
    const changes2 = await pollChanges(trace, filterId, expected2.length, params.receiptTimeoutMs);
    if (typeof changes2 === 'string') return fail(changes2);
    problems.push(...compareLogLists('eth_getFilterChanges after one more event', expected2, changes2));
    const filterLogs2 = await trace.read('eth_getFilterLogs', [filterId], LogListShape);
    if (!filterLogs2.ok) problems.push(`eth_getFilterLogs: ${filterLogs2.problem}`);
    else
      problems.push(
        ...compareLogLists(
          'eth_getFilterLogs after one more event',
          [...expected1, ...expected2],
          filterLogs2.value,
        ),
      );

    const uninstall = await trace.request('eth_uninstallFilter', [filterId]);
    const uninstallAnswer =
      uninstall.kind === 'result' ? JSON.stringify(uninstall.result) : `error ${uninstall.error.code}`;
    if (uninstall.kind !== 'result' || uninstall.result !== true)
      problems.push(`eth_uninstallFilter(${filterId}) answered ${uninstallAnswer}, not true`);
    const fourth = await emit(1n);
    if (typeof fourth === 'string') return fail(fourth);
    let afterUninstall = 'nothing delivered';
    for (let i = 0; i < deadFilterPolls; i++) {
      const outcome = await trace.request('eth_getFilterChanges', [filterId]);
      if (outcome.kind === 'error') {
        afterUninstall = `error ${outcome.error.code}`;
        break;
      }
      if (Array.isArray(outcome.result) && outcome.result.length > 0) {
        problems.push(
          `the uninstalled filter ${filterId} still delivered ${outcome.result.length} log(s) emitted after eth_uninstallFilter answered ${uninstallAnswer}`,
        );
        afterUninstall = `${outcome.result.length} log(s)`;
        break;
      }
      if (outcome.result === null) {
        afterUninstall = 'null';
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    const again = await trace.request('eth_uninstallFilter', [filterId]);
    const againAnswer = again.kind === 'result' ? JSON.stringify(again.result) : `error ${again.error.code}`;
    if (again.kind === 'result' && again.result !== false)
      problems.push(
        `a second eth_uninstallFilter(${filterId}) answered ${againAnswer}; the filter should be gone (false)`,
      );

    const expected = {
      changes: [expected1.length, expected2.length],
      filterLogs: [expected1.length, expected1.length + expected2.length],
      getLogs: expected1.length,
      uninstall: 'true, then false; nothing delivered after it',
    };
    const actual = {
      changes: [changes1.length, changes2.length],
      filterLogs: [
        filterLogs1.ok ? filterLogs1.value.length : 'error',
        filterLogs2.ok ? filterLogs2.value.length : 'error',
      ],
      getLogs: logs1.ok ? logs1.value.length : 'error',
      uninstall: `${uninstallAnswer}, then ${againAnswer}; after it: ${afterUninstall}`,
    };
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
      summary: `filter ${filterId}: changes, filter logs and eth_getLogs agree with the receipts (${expected1.length} then ${expected2.length} new Ping log(s)); uninstall answered true, then ${againAnswer}, and the filter delivered nothing after it (${afterUninstall})`,
      expected,
      actual,
      evidence: finish(),
    };
  },
});

/**
 * Polls eth_getFilterChanges until `count` logs have arrived in all or `timeoutMs` passed; returns
 * everything delivered (so extra or repeated logs show), or the problem with an answer.
 */
async function pollChanges(
  trace: RpcTrace,
  filterId: string,
  count: number,
  timeoutMs: number,
): Promise<Log[] | string> {
  const delivered: Log[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const changes = await trace.read('eth_getFilterChanges', [filterId], LogListShape);
    if (!changes.ok) return `eth_getFilterChanges(${filterId}): ${changes.problem}`;
    delivered.push(...changes.value);
    if (delivered.length >= count || Date.now() >= deadline) return delivered;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
