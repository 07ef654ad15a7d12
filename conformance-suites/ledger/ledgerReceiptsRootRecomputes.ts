import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { rpcEvidence } from './evm/createRpcReader.ts';
import { recomputeReceiptsRoot } from './evm/receiptsRoot.ts';
import type { HashMismatch } from './HashMismatch.ts';
import { mismatchEvidence } from './HashMismatch.ts';
import { ledgerActivityFixture } from './ledgerActivityFixture.ts';
import { ledgerSampleBlocks } from './ledgerSampleBlocks.ts';
import { readSampledLedger } from './readSampledLedger.ts';

/**
 * LED-11 (chaineval extension of LED-03) — JR/T 0184-2020 10.1 (no unauthorised change of ledger
 * data) and 10.4 (each node's ledger validity is checkable): a block's receiptsRoot commits to the
 * outcome of every transaction it holds; receipts the node serves that do not rebuild to it are not the
 * committed outcomes.
 *
 * Comparison policy: for the blocks holding the step's own transactions (a successful call with one
 * log, a failed call, a transfer, the deployment) and the last ledgerSampleBlocks blocks, every
 * receipt is read (each must name its own transaction, index and block); the Merkle Patricia trie of
 * their consensus encodings (EIP-2718 typed receipts: status, cumulativeGasUsed, logsBloom, logs;
 * keys RLP(index)) must have exactly the block's receiptsRoot. A receipt of a type the harness cannot
 * encode leaves its block unverified (listed); if no block could be verified the check is skipped.
 */
export const ledgerReceiptsRootRecomputes = defineCheck({
  id: 'ledger-receipts-root-recomputes',
  catalogueId: 'LED-11',
  kind: 'conformance',
  title: { zh: '收据根可由交易收据重新计算', en: "Receipts root recomputes from the block's receipts" },
  requires: ['rpc.jsonrpc', 'tx.clientSign', 'tx.receipts', 'contract.evm'],
  parameters: [ledgerSampleBlocks, receiptTimeoutMs],
  fixtures: [ledgerActivityFixture],
  faults: ['wrong-receipts-root'],
  description:
    "Reads the blocks holding the step's own transactions (one with a log, one failed) and the last ledgerSampleBlocks " +
    'blocks with every receipt, rebuilds each receipts root as the Merkle Patricia trie of the typed receipt encodings ' +
    "(status, cumulativeGasUsed, logsBloom, logs), and passes when every rebuilt root equals the block's receiptsRoot.",
  failsWhen:
    'A block reports a receiptsRoot its receipts do not rebuild to, a receipt is missing or names another transaction, ' +
    'index or block, or a block or receipt is malformed.',
  async run(ctx) {
    const sampled = await readSampledLedger(ctx, 'blocks with a log and a failed transaction');
    if (!sampled.ok) return sampled.outcome;
    const { activity, own, numbers, read, log } = sampled;
    // A block whose receipts the node does not serve as its own has an unverifiable receipts root.
    const problems = [
      ...read.problems,
      ...read.incomplete.map(
        (i) => `receipts root of block ${i.blockNumber} cannot be rebuilt: ${i.problem}`,
      ),
    ];
    const mismatches: HashMismatch[] = [];
    const unverified: string[] = [...read.notRead];
    let verifiedOwn = 0;
    let verified = 0;
    const diagnoses: string[] = [];
    for (const { block, receipts } of read.blocks) {
      const rebuilt = await recomputeReceiptsRoot(receipts);
      if (rebuilt.kind === 'unknown-type') {
        unverified.push(
          `block ${block.number}: receipt ${rebuilt.index} has type 0x${rebuilt.type.toString(16)}, whose encoding the harness does not know`,
        );
        continue;
      }
      verified += 1;
      if (own.includes(block.number)) verifiedOwn += 1;
      if (rebuilt.root !== block.receiptsRoot) {
        mismatches.push({
          blockNumber: block.number.toString(),
          expected: rebuilt.root,
          actual: block.receiptsRoot,
        });
        // Say why when the cause is a known non-consensus encoding (evidence only; the verdict stands).
        const variant = await recomputeReceiptsRoot(receipts, { failedStatusAsZeroByte: true });
        if (variant.kind === 'computed' && variant.root === block.receiptsRoot)
          diagnoses.push(
            `block ${block.number}: the reported root is what failed receipts give when status 0 is encoded as the byte 0x00 instead of the empty string (RLP of the integer 0; EIP-658)`,
          );
      }
    }
    const ownStatuses = activity.transactions.map((t) => ({
      label: t.label,
      block: t.receipt.blockNumber.toString(),
      status: t.receipt.status ?? null,
      logs: t.receipt.logs.length,
    }));
    const evidence = {
      blocksVerified: verified,
      range: `${numbers[0]}..${numbers[numbers.length - 1]}`,
      ownTransactions: ownStatuses,
      receiptsRead: read.blocks.reduce((sum, b) => sum + b.receipts.length, 0),
      unverified,
      ...(diagnoses.length > 0 ? { diagnoses: diagnoses.slice(0, 10) } : {}),
      problems: problems.slice(0, 10),
      ...mismatchEvidence(mismatches),
      ...rpcEvidence(log),
    };
    const expected = "receiptsRoot == root rebuilt from the block's receipts, for every checked block";
    if (mismatches.length === 0 && problems.length === 0) {
      if (verifiedOwn === 0) {
        return {
          status: 'skip',
          skipReason: 'precondition',
          summary: `no block holding the check's own transactions could be verified: ${unverified.slice(0, 2).join('; ')}`,
          evidence,
        };
      }
      return {
        status: 'pass',
        summary: `all ${verified} checked receipts roots rebuild from their receipts, including the blocks of the check's own successful call with a log and failed call`,
        expected,
        actual: `${verified} of ${verified} rebuild`,
        evidence,
      };
    }
    const first = mismatches[0];
    const why = [
      ...(first
        ? [
            `${mismatches.length} receipts root(s) do not rebuild; first at block ${first.blockNumber}: reported ${first.actual}, receipts give ${first.expected}`,
          ]
        : []),
      ...problems.slice(0, 2),
      ...diagnoses.slice(0, 1),
    ];
    return {
      status: 'fail',
      summary: why.join('; '),
      expected,
      actual: { mismatches: mismatches.length, problems: problems.length },
      evidence,
    };
  },
});
