import type { BlockView } from '#core/adapter/ChainAdapter.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import { type CheckContext, defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { type HashMismatch, mismatchEvidence } from './HashMismatch.ts';
import { ledgerSampleBlocks } from './ledgerSampleBlocks.ts';
import { ledgerSampleFixture } from './ledgerSampleFixture.ts';

const parameters = [ledgerSampleBlocks, receiptTimeoutMs] as const;

/**
 * LED-03 — JR/T 0184-2020 10.1 requires ledger data free of unauthorised change in storage and use:
 * the transactions a block holds must be exactly those its header commits to.
 *
 * Comparison policy: the adapter's verifier rebuilds the transactions root from the block's full
 * transactions (EVM: the Merkle Patricia trie of EIP-2718 encodings); it must equal the block's
 * `txRoot` exactly. Empty blocks are compared too (the empty-trie root), but a sample of empty blocks
 * alone proves nothing, so the check makes one transaction when it can and skips when it cannot. A
 * root the harness cannot rebuild makes the check inconclusive (`error`), never a fail.
 */
export const ledgerTransactionsRootRecomputes = defineCheck({
  id: 'ledger-transactions-root-recomputes',
  catalogueId: 'LED-03',
  kind: 'conformance',
  title: {
    zh: '交易根可由区块交易重新计算',
    en: "Transactions root recomputes from the block's transactions",
  },
  requires: ['block.read', 'block.txRoot'],
  parameters,
  fixtures: [ledgerSampleFixture],
  faults: ['wrong-transactions-root'],
  budget: () => [{ kind: 'transfer', count: 1 }],
  description:
    'Reads the last ledgerSampleBlocks blocks up to the head and rebuilds each transactions root from the ' +
    "block's full transactions. The sample must hold a block with transactions: if none does and the adapter " +
    "can sign, one transfer from the step's account to itself is sent and its block added; otherwise the check " +
    'is skipped (precondition). Passes when every rebuilt root equals the reported txRoot.',
  failsWhen:
    'Any sampled block reports a transactions root its transactions do not rebuild to; the evidence lists the ' +
    'first mismatches (expected = rebuilt, actual = reported).',
  async run(ctx) {
    const { adapter } = ctx;
    const sample = await ctx.fixture(ledgerSampleFixture);
    if (!sample.ok) return sample.outcome;
    // The sample is shared with other checks: extend a copy.
    const blocks = [...sample.blocks];
    let generated: Record<string, unknown> | undefined;
    if (!blocks.some((b) => b.txIds.length > 0)) {
      const made = await addBlockWithTransaction(ctx, blocks);
      if ('status' in made) return made;
      generated = made.evidence;
    }
    const mismatches: HashMismatch[] = [];
    for (const block of blocks) {
      const rebuilt = await adapter.verifier.recomputeTxRoot(block);
      if (rebuilt.kind === 'unavailable') {
        return {
          status: 'error',
          summary: `cannot rebuild transactions roots: ${rebuilt.reason}`,
          evidence: { block: block.number.toString(), reason: rebuilt.reason },
        };
      }
      if (rebuilt.value.toLowerCase() !== block.txRoot.toLowerCase()) {
        mismatches.push({
          blockNumber: block.number.toString(),
          expected: rebuilt.value,
          actual: block.txRoot,
        });
      }
    }
    const withTxs = blocks.filter((b) => b.txIds.length > 0);
    const range = `${blocks[0]!.number}..${blocks[blocks.length - 1]!.number}`;
    const evidence = {
      sampledBlocks: range,
      blocksChecked: blocks.length,
      blocksWithTransactions: withTxs.map((b) => b.number.toString()).slice(0, 50),
      transactionsChecked: withTxs.reduce((sum, b) => sum + b.txIds.length, 0),
      ...(generated === undefined ? {} : { generatedTransaction: generated }),
      ...mismatchEvidence(mismatches),
    };
    const expected = "txRoot == root rebuilt from the block's transactions for every sampled block";
    if (mismatches.length === 0) {
      return {
        status: 'pass',
        summary: `all ${blocks.length} transactions roots in ${range} (${withTxs.length} block(s) with transactions) rebuild from their transactions`,
        expected,
        actual: `${blocks.length} of ${blocks.length} rebuild`,
        evidence,
      };
    }
    const first = mismatches[0]!;
    return {
      status: 'fail',
      summary:
        `${mismatches.length} of ${blocks.length} transactions roots in ${range} do not rebuild from the block's ` +
        `transactions; first at block ${first.blockNumber}: reported ${first.actual}, transactions give ${first.expected}`,
      expected,
      actual: `${blocks.length - mismatches.length} of ${blocks.length} rebuild`,
      evidence,
    };
  },
});

/**
 * Makes the sample meaningful: one transfer from the step's account to itself, whose block is
 * appended to `blocks`. Returns the verdict to give instead when that is impossible.
 */
async function addBlockWithTransaction(
  { adapter, account, params }: CheckContext<'block.read' | 'block.txRoot', typeof parameters>,
  blocks: BlockView[],
): Promise<CheckOutcome | { evidence: Record<string, unknown> }> {
  const txs = adapter.transactions;
  if (txs === undefined || account === undefined || !adapter.capabilities.has('tx.receipts')) {
    return {
      status: 'skip',
      skipReason: 'precondition',
      summary: `no block in the sample holds a transaction and adapter "${adapter.info.family}" cannot send one (tx.clientSign, tx.receipts)`,
    };
  }
  const signed = await txs.sign({ kind: 'transfer', to: account.address, amount: 1n }, account);
  const sent = await txs.submit(signed);
  if (!sent.accepted) {
    return {
      status: 'error',
      summary: `precondition: the sample holds no transaction and the self-transfer made to fill it was refused (${sent.error.code}: ${sent.error.message})`,
      evidence: { txId: signed.txId, error: sent.error },
    };
  }
  const outcome = await txs.awaitOutcome(sent.txId, params.receiptTimeoutMs);
  if (outcome === null) {
    return {
      status: 'error',
      summary: `precondition: the self-transfer ${sent.txId} made to fill the sample is not on the ledger after ${params.receiptTimeoutMs} ms`,
      evidence: { txId: sent.txId, receiptTimeoutMs: params.receiptTimeoutMs },
    };
  }
  const block = await adapter.ledger.getBlock(outcome.blockNumber);
  if (block === null) {
    return {
      status: 'error',
      summary: `the receipt of ${sent.txId} names block ${outcome.blockNumber}, which the node does not return`,
      evidence: { txId: sent.txId, blockNumber: outcome.blockNumber.toString() },
    };
  }
  if (!blocks.some((b) => b.number === block.number)) blocks.push(block);
  return { evidence: { txId: sent.txId, blockNumber: block.number.toString() } };
}
