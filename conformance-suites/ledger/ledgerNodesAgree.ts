import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { activityOutcome } from './activityOutcome.ts';
import { crossNodeSyncMs } from './crossNodeSyncMs.ts';
import { createRpcLog, rpcEvidence } from './evm/createRpcReader.ts';
import { networkReaders } from './evm/networkReaders.ts';
import { type BlockHead, BlockHeadShape } from './evm/rpcShapes.ts';
import { waitForHeight } from './evm/waitForHeight.ts';
import { ledgerActivityFixture, ownBlockNumbers } from './ledgerActivityFixture.ts';
import { ledgerSampleBlocks } from './ledgerSampleBlocks.ts';

/** The header fields every node of one network must report identically at the same height. */
export const agreedFields = ['hash', 'parentHash', 'stateRoot', 'transactionsRoot', 'receiptsRoot'] as const;
type AgreedField = (typeof agreedFields)[number];

/** One height where an endpoint reports a field differently from the first endpoint. */
interface Disagreement {
  readonly blockNumber: string;
  readonly field: AgreedField;
  readonly endpoint: number;
  readonly expected: Hex;
  readonly actual: Hex;
}

const maxListed = 10;
const readConcurrency = 8;

/**
 * LED-04 — JR/T 0184-2020 10.2 (the accounting nodes' ledgers are consistent) and 11.5 (all trusted
 * nodes compute the same result); JR/T 0193-2020 §6.2/§6.7 (agreement, state consistency across
 * nodes). Cross-node: runs only with two or more endpoints of one network (`--target` repeated).
 *
 * Comparison policy: the step's own transactions are sent to the first endpoint; every other endpoint
 * must reach the height of their last block within crossNodeSyncMs. At genesis, at each block holding
 * those transactions and at the last ledgerSampleBlocks heights every endpoint has, each endpoint's
 * eth_getBlockByNumber must report the same hash, parentHash, stateRoot, transactionsRoot and
 * receiptsRoot as the first endpoint (exact, case-insensitive hex). An endpoint still below that height
 * after the bound, a block missing at or below an endpoint's reported head, or a malformed block are
 * fails: nodes of one network that do not hold the same ledger are what the clause forbids. Two
 * independent chains given as one network fail here.
 */
export const ledgerNodesAgree = defineCheck({
  id: 'ledger-nodes-agree',
  catalogueId: 'LED-04',
  kind: 'conformance',
  title: { zh: '各节点账本一致', en: 'All nodes hold the same ledger' },
  requires: ['rpc.jsonrpc', 'tx.clientSign', 'tx.receipts', 'contract.evm'],
  minEndpoints: 2,
  parameters: [ledgerSampleBlocks, crossNodeSyncMs, receiptTimeoutMs],
  fixtures: [ledgerActivityFixture],
  faults: ['node-divergent-state-root'],
  description:
    "Sends the step's transactions to the first endpoint, waits (up to crossNodeSyncMs) until every endpoint reaches " +
    'the height of their last block, then reads genesis, those blocks and the last ledgerSampleBlocks common heights on ' +
    'every endpoint. Passes when hash, parentHash, stateRoot, transactionsRoot and receiptsRoot are identical everywhere.',
  failsWhen:
    'An endpoint reports a different hash or root at some height, lacks a block at or below its head, answers malformed ' +
    "blocks, or has not reached the height of the first endpoint's new block within crossNodeSyncMs.",
  async run({ network, params, fixture }) {
    const activity = await fixture(ledgerActivityFixture);
    if (!activity.ok) return activityOutcome(activity, 'a block the check made itself');
    const log = createRpcLog();
    const readers = networkReaders(network, log);
    const ownBlocks = ownBlockNumbers(activity.transactions);
    const target = ownBlocks[ownBlocks.length - 1] ?? 0n;
    const problems: string[] = [];

    // Every endpoint must hold the first endpoint's newest block within the bound.
    const deadline = Date.now() + params.crossNodeSyncMs;
    const heights: bigint[] = [];
    for (const reader of readers) {
      const waited = await waitForHeight(reader, target, deadline);
      if (waited.kind === 'malformed') problems.push(waited.problem);
      else {
        heights.push(waited.height);
        if (waited.kind === 'behind')
          problems.push(
            `${reader.label} is at height ${waited.height}, below block ${target} that holds the check's transaction on endpoint 1, after ${params.crossNodeSyncMs} ms`,
          );
      }
    }
    // The highest height every endpoint has, capped at the check's own newest block.
    let commonHead = target;
    for (const h of heights) if (h < commonHead) commonHead = h;
    const sampleFrom = commonHead - BigInt(params.ledgerSampleBlocks) + 1n;
    const compared = new Set<bigint>([0n, ...ownBlocks.filter((n) => n <= commonHead)]);
    for (let n = sampleFrom < 0n ? 0n : sampleFrom; n <= commonHead; n++) compared.add(n);
    const numbers = [...compared].sort((a, b) => (a < b ? -1 : 1));

    const disagreements: Disagreement[] = [];
    for (let i = 0; i < numbers.length; i += readConcurrency) {
      const batch = numbers.slice(i, i + readConcurrency);
      await Promise.all(
        batch.map(async (n) => {
          const blocks = await Promise.all(
            readers.map((r) =>
              r.readNullable('eth_getBlockByNumber', [`0x${n.toString(16)}`, false], BlockHeadShape),
            ),
          );
          const valid: (BlockHead | undefined)[] = blocks.map((read, e) => {
            const label = readers[e]?.label ?? `endpoint ${e + 1}`;
            if (!read.ok) problems.push(read.problem);
            else if (read.value === null)
              problems.push(`${label} returns no block ${n} although its head is at or above it`);
            else if (read.value.number !== n)
              problems.push(`${label} answers block ${read.value.number} when asked for block ${n}`);
            else return read.value;
            return undefined;
          });
          const [first, ...others] = valid;
          if (first === undefined) return;
          for (const [j, block] of others.entries()) {
            if (block === undefined) continue;
            for (const field of agreedFields) {
              if (block[field] !== first[field])
                disagreements.push({
                  blockNumber: n.toString(),
                  field,
                  endpoint: j + 2,
                  expected: first[field],
                  actual: block[field],
                });
            }
          }
        }),
      );
    }
    disagreements.sort((a, b) => Number(BigInt(a.blockNumber) - BigInt(b.blockNumber)));
    const evidence = {
      endpoints: readers.map((r) => r.label),
      ownTransactions: activity.evidence.transactions,
      heightsCompared: numbers.length,
      comparedRange: `${numbers[0]}..${numbers[numbers.length - 1]} (genesis, the blocks of the check's transactions, the last ${params.ledgerSampleBlocks} common heights)`,
      fieldsCompared: agreedFields,
      disagreementCount: disagreements.length,
      firstDisagreements: disagreements.slice(0, maxListed),
      problems: problems.slice(0, maxListed),
      ...rpcEvidence(log),
    };
    const expected = `every endpoint reports the same ${agreedFields.join(', ')} at every compared height`;
    if (disagreements.length === 0 && problems.length === 0) {
      return {
        status: 'pass',
        summary: `${readers.length} endpoints agree on ${agreedFields.join(', ')} at ${numbers.length} heights, including block ${target} that holds the check's own transaction`,
        expected,
        actual: `${numbers.length} of ${numbers.length} heights identical on ${readers.length} endpoints`,
        evidence,
      };
    }
    const firstDisagreement = disagreements[0];
    const why = [
      ...(firstDisagreement
        ? [
            `${disagreements.length} field(s) differ; first at block ${firstDisagreement.blockNumber}: endpoint ${firstDisagreement.endpoint} reports ${firstDisagreement.field} ${firstDisagreement.actual}, endpoint 1 ${firstDisagreement.expected}`,
          ]
        : []),
      ...problems.slice(0, 3),
    ];
    return {
      status: 'fail',
      summary: `the endpoints do not hold the same ledger: ${why.join('; ')}`,
      expected,
      actual: {
        disagreements: disagreements.length,
        problems: problems.length,
        firstDisagreement: firstDisagreement ?? null,
        firstProblem: problems[0] ?? null,
      },
      evidence,
    };
  },
});
