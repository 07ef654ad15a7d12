import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { buildBlocksOnTop } from './buildBlocksOnTop.ts';
import { crossNodeSyncMs } from './crossNodeSyncMs.ts';
import { createRpcLog, rpcEvidence } from './evm/createRpcReader.ts';
import { networkReaders } from './evm/networkReaders.ts';
import { BlockHeadShape, ReceiptShape } from './evm/rpcShapes.ts';
import { waitForHeight } from './evm/waitForHeight.ts';
import { finalityDepth } from './finalityDepth.ts';
import { sendSelfTransfer } from './sendSelfTransfer.ts';

const maxListed = 10;

/**
 * LED-07 — JR/T 0184-2020 11.4 (finality within a finite time) and 11.10 (history immutable);
 * JR/T 0193-2020 §6.2 (consensus: finality). A transaction the chain has recorded and built
 * finalityDepth blocks on must stay where it was recorded, on every node.
 *
 * Comparison policy: the check sends a self-transfer to the first endpoint and records (n, hash) from
 * its receipt, confirmed by eth_getBlockByNumber(n). It then waits for finalityDepth blocks on top
 * (adding at most finalityDepth self-transfers when the chain does not produce them: automining dev
 * chains), waits up to crossNodeSyncMs for every endpoint to reach n + finalityDepth, and re-reads on
 * every endpoint: block n must still have the recorded hash, blocks n+1 … n+finalityDepth must chain
 * onto it by parentHash, and the receipt must still name block n and its hash. Any change is a
 * reorganisation past the finality depth: fail. A chain that records the transfer but does not build
 * the blocks on top within the bounds has not reached finality in finite time: fail.
 */
export const ledgerFinalityNoReorg = defineCheck({
  id: 'ledger-finality-no-reorg',
  catalogueId: 'LED-07',
  kind: 'conformance',
  title: { zh: '交易确认后不被回滚', en: 'Finality: no reorganisation after the finality depth' },
  requires: ['rpc.jsonrpc', 'tx.clientSign', 'tx.receipts'],
  parameters: [finalityDepth, crossNodeSyncMs, receiptTimeoutMs],
  faults: ['reorg-after-inclusion'],
  budget: (params) => [{ kind: 'transfer', count: 1 + params.finalityDepth }],
  description:
    'Sends a self-transfer, records the block number and hash its receipt names, waits for finalityDepth blocks on top ' +
    '(adding self-transfers on a chain that does not produce them), then re-reads on every endpoint. Passes when the ' +
    'block at that number still has that hash, the next blocks chain onto it, and the receipt still points at it.',
  failsWhen:
    'After finalityDepth blocks the block at the recorded number has another hash on some endpoint, the later blocks do ' +
    'not chain onto it, the receipt moved or vanished, or the chain never recorded the transfer or built the blocks.',
  async run({ adapter, network, account, params }) {
    const log = createRpcLog();
    const readers = networkReaders(network, log);
    const first = readers[0];
    if (first === undefined) throw new Error('unreachable: the network always holds the first endpoint');
    const evidence = (extra: Record<string, unknown>) => ({ ...extra, ...rpcEvidence(log) });
    const sent = await sendSelfTransfer(adapter.transactions, account, first, params.receiptTimeoutMs);
    if (sent.kind === 'failed')
      return {
        status: 'fail',
        summary: `finality cannot be reached by a transaction that is not recorded: ${sent.reason}`,
        evidence: evidence({ txId: sent.txId ?? null }),
      };
    const n = sent.receipt.blockNumber;
    const recorded = sent.receipt.blockHash;
    const record = { txId: sent.txId, blockNumber: n.toString(), blockHash: recorded };
    const atInclusion = await first.readNullable(
      'eth_getBlockByNumber',
      [`0x${n.toString(16)}`, false],
      BlockHeadShape,
    );
    if (!atInclusion.ok || atInclusion.value === null || atInclusion.value.hash !== recorded) {
      const why = !atInclusion.ok
        ? atInclusion.problem
        : atInclusion.value === null
          ? `the node returns no block ${n}`
          : `block ${n} is ${atInclusion.value.hash}`;
      return {
        status: 'fail',
        summary: `the receipt of ${sent.txId} names block ${n} ${recorded}, but ${why}`,
        evidence: evidence({ record }),
      };
    }
    const target = n + BigInt(params.finalityDepth);
    const built = await buildBlocksOnTop({
      transactions: adapter.transactions,
      account,
      reader: first,
      target,
      maxNudges: params.finalityDepth,
      perNudgeTimeoutMs: params.receiptTimeoutMs,
    });
    if (built.kind === 'stalled')
      return {
        status: 'fail',
        summary: `the chain did not build ${params.finalityDepth} block(s) on block ${n}: ${built.reason}`,
        expected: `head >= ${target}`,
        actual: `head ${built.height}`,
        evidence: evidence({ record, nudges: built.nudges }),
      };

    const problems: string[] = [];
    const deadline = Date.now() + params.crossNodeSyncMs;
    for (const reader of readers) {
      const reached = await waitForHeight(reader, target, deadline);
      if (reached.kind === 'malformed') {
        problems.push(reached.problem);
        continue;
      }
      if (reached.kind === 'behind') {
        problems.push(
          `${reader.label} is at height ${reached.height}, below ${target}, after ${params.crossNodeSyncMs} ms`,
        );
        continue;
      }
      let expectedParent = recorded;
      for (let m = n; m <= target; m++) {
        const read = await reader.readNullable(
          'eth_getBlockByNumber',
          [`0x${m.toString(16)}`, false],
          BlockHeadShape,
        );
        if (!read.ok) {
          problems.push(read.problem);
          break;
        }
        if (read.value === null) {
          problems.push(`${reader.label} returns no block ${m}`);
          break;
        }
        if (m === n && read.value.hash !== recorded) {
          problems.push(
            `${reader.label}: block ${n} is now ${read.value.hash}; it was ${recorded} when ${sent.txId} was recorded (reorganised after ${params.finalityDepth} block(s))`,
          );
          break;
        }
        if (m > n && read.value.parentHash !== expectedParent) {
          problems.push(
            `${reader.label}: block ${m} names parent ${read.value.parentHash}, not ${expectedParent}: the blocks on top do not build on the recorded block`,
          );
          break;
        }
        expectedParent = read.value.hash;
      }
      const receipt = await reader.readNullable('eth_getTransactionReceipt', [sent.txId], ReceiptShape);
      if (!receipt.ok) problems.push(receipt.problem);
      else if (receipt.value === null)
        problems.push(
          `${reader.label}: the receipt of ${sent.txId} is gone after ${params.finalityDepth} block(s)`,
        );
      else if (receipt.value.blockHash !== recorded || receipt.value.blockNumber !== n)
        problems.push(
          `${reader.label}: the receipt of ${sent.txId} now names block ${receipt.value.blockNumber} ${receipt.value.blockHash}; it named ${n} ${recorded}`,
        );
    }
    const facts = {
      record,
      finalityDepth: params.finalityDepth,
      reReadAtHeight: target.toString(),
      nudges: built.nudges,
      endpoints: readers.map((r) => r.label),
      problems: problems.slice(0, maxListed),
    };
    const expected = `block ${n} keeps hash ${recorded} and the receipt keeps naming it, after ${params.finalityDepth} block(s), on every endpoint`;
    if (problems.length === 0) {
      return {
        status: 'pass',
        summary: `block ${n} holding ${sent.txId} kept its hash with ${params.finalityDepth} block(s) built on it, on ${readers.length} endpoint(s)${built.nudges.length > 0 ? ` (${built.nudges.length} self-transfer(s) added the blocks)` : ''}`,
        expected,
        actual: 'unchanged everywhere',
        evidence: evidence(facts),
      };
    }
    return {
      status: 'fail',
      summary: `the recorded block did not stay final: ${problems.slice(0, 2).join('; ')}`,
      expected,
      actual: { problems: problems.length, first: problems[0] },
      evidence: evidence(facts),
    };
  },
});
