import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { activityOutcome } from './activityOutcome.ts';
import { crossNodeSyncMs } from './crossNodeSyncMs.ts';
import { awaitReceipt } from './evm/awaitReceipt.ts';
import { createRpcLog, rpcEvidence } from './evm/createRpcReader.ts';
import { networkReaders } from './evm/networkReaders.ts';
import { TransactionShape } from './evm/rpcShapes.ts';
import { ledgerActivityFixture } from './ledgerActivityFixture.ts';

const maxListed = 10;

/**
 * LED-14 (chaineval extension of LED-04/LED-07) — JR/T 0184-2020 7.3 (consensus keeps the data of all
 * nodes consistent within a specified time) and 10.2 (consistent ledgers); JR/T 0193-2020 §7.3
 * (transaction synchronisation). Cross-node: runs only with two or more endpoints of one network.
 *
 * Comparison policy: each of the step's own transactions was sent to the first endpoint and its
 * receipt read there. On every other endpoint, within crossNodeSyncMs of the check's start, the
 * receipt must appear naming the same block hash, block number, index and status, and
 * eth_getTransactionByHash must place it in the same block. A transaction missing on a node after the
 * bound, or placed in another block, is a fail: the node does not hold what the network committed.
 */
export const ledgerTxVisibleOnAllNodes = defineCheck({
  id: 'ledger-tx-visible-on-all-nodes',
  catalogueId: 'LED-14',
  kind: 'conformance',
  title: { zh: '交易在所有节点可见', en: 'A committed transaction is visible on every node' },
  requires: ['rpc.jsonrpc', 'tx.clientSign', 'tx.receipts', 'contract.evm'],
  minEndpoints: 2,
  parameters: [crossNodeSyncMs, receiptTimeoutMs],
  fixtures: [ledgerActivityFixture],
  faults: ['tx-not-propagated'],
  description:
    "Takes the step's own transactions, sent to and recorded by the first endpoint, and looks each one up on every other " +
    'endpoint (eth_getTransactionReceipt, eth_getTransactionByHash), waiting up to crossNodeSyncMs. Passes when every ' +
    'endpoint shows every transaction in the same block (hash and number), at the same index, with the same status.',
  failsWhen:
    'A transaction is not visible on some endpoint after crossNodeSyncMs, or that endpoint places it in another block, at ' +
    'another index or with another status, or answers a malformed receipt or transaction.',
  async run({ network, params, fixture }) {
    const activity = await fixture(ledgerActivityFixture);
    if (!activity.ok) return activityOutcome(activity, 'transactions to look up on every node');
    const log = createRpcLog();
    const readers = networkReaders(network, log);
    const deadline = Date.now() + params.crossNodeSyncMs;
    const problems: string[] = [];
    const delays: { endpoint: number; txId: string; afterFirstMs: number }[] = [];
    for (const reader of readers.slice(1)) {
      for (const own of activity.transactions) {
        const waited = await awaitReceipt(reader, own.txId, Math.max(0, deadline - Date.now()));
        if (waited.kind === 'malformed') {
          problems.push(waited.problem);
          continue;
        }
        if (waited.kind === 'missing') {
          problems.push(
            `${own.label} transaction ${own.txId} (block ${own.receipt.blockNumber} on endpoint 1) is not visible on ${reader.label} after ${params.crossNodeSyncMs} ms`,
          );
          continue;
        }
        const { receipt } = waited;
        delays.push({
          endpoint: reader.endpoint + 1,
          txId: own.txId,
          afterFirstMs: Math.max(0, waited.seenAtMs - own.seenAtMs),
        });
        const expectedPlace = `block ${own.receipt.blockNumber} ${own.receipt.blockHash} index ${own.receipt.transactionIndex} status ${own.receipt.status ?? own.receipt.root}`;
        const actualPlace = `block ${receipt.blockNumber} ${receipt.blockHash} index ${receipt.transactionIndex} status ${receipt.status ?? receipt.root}`;
        if (expectedPlace !== actualPlace)
          problems.push(
            `${reader.label} records ${own.label} transaction ${own.txId} as ${actualPlace}; endpoint 1 as ${expectedPlace}`,
          );
        const tx = await reader.readNullable('eth_getTransactionByHash', [own.txId], TransactionShape);
        if (!tx.ok) problems.push(tx.problem);
        else if (tx.value === null)
          problems.push(
            `${reader.label} has a receipt for ${own.txId} but eth_getTransactionByHash returns null`,
          );
        else if (tx.value.blockHash !== own.receipt.blockHash)
          problems.push(
            `${reader.label} eth_getTransactionByHash places ${own.txId} in block ${tx.value.blockHash ?? 'none (pending)'}; endpoint 1 in ${own.receipt.blockHash}`,
          );
      }
    }
    const maxDelay = delays.reduce((max, d) => Math.max(max, d.afterFirstMs), 0);
    const lookedUp = activity.transactions.length * (readers.length - 1);
    const evidence = {
      endpoints: readers.map((r) => r.label),
      ownTransactions: activity.evidence.transactions,
      crossNodeSyncMs: params.crossNodeSyncMs,
      visibleAfterFirstMs: delays.slice(0, maxListed * 2),
      maxDelayAfterFirstMs: maxDelay,
      problems: problems.slice(0, maxListed),
      ...rpcEvidence(log),
    };
    const expected = `every transaction in the same block on all ${readers.length} endpoints within ${params.crossNodeSyncMs} ms`;
    if (problems.length === 0) {
      return {
        status: 'pass',
        summary: `all ${activity.transactions.length} transactions committed on endpoint 1 are in the same blocks on the ${readers.length - 1} other endpoint(s); the last was found ${maxDelay} ms after endpoint 1 recorded it (an upper bound of the propagation delay)`,
        expected,
        actual: `${lookedUp} of ${lookedUp} look-ups consistent`,
        evidence,
      };
    }
    return {
      status: 'fail',
      summary: `${problems.length} inconsistency(ies) across nodes: ${problems.slice(0, 2).join('; ')}`,
      expected,
      actual: { problems: problems.length, first: problems[0] },
      evidence,
    };
  },
});
