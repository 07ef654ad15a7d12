import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { readOwnSelfTransfer } from './readOwnSelfTransfer.ts';
import { recentTransactionsFixture } from './recentTransactionsFixture.ts';
import { txSampleBlocks, txSampleSize } from './txSampleParameters.ts';

const zeroAddress = `0x${'00'.repeat(20)}`;
/** Evidence lists this many problems; the count covers them all. */
const shownProblems = 10;

/** Why `from` does not identify a sender, or undefined when it is a 20-byte address someone can sign for. */
export function senderProblem(from: unknown): string | undefined {
  if (from === undefined) return 'has no from';
  if (typeof from !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(from))
    return `has from ${JSON.stringify(from)?.slice(0, 60)}, not a 20-byte address`;
  if (from.toLowerCase() === zeroAddress) return 'has the zero address as from, which no key controls';
  return undefined;
}

/**
 * TX-08 — JR/T 0184-2020 13.5.1: transactions carry the sender's identity. On an EVM chain the sender
 * is `from`, the address of the key that signed (TX-01 verifies that binding; this check verifies that
 * the identity is there at all, as every client reads it).
 *
 * Comparison policy: every copy of the check's own self-transfer (by hash, in its block, in its
 * receipt) and every sampled block transaction must carry `from` as a 20-byte address other than the
 * zero address; the own transaction's must be the step account. Anything else is a `fail` naming the
 * transaction and the read. An unreadable sample is `error`.
 */
export const txSenderPresent = defineCheck({
  id: 'tx-sender-present',
  catalogueId: 'TX-08',
  kind: 'conformance',
  title: { zh: '每笔交易携带发送方身份', en: "Every transaction carries its sender's identity" },
  requires: ['tx.clientSign', 'tx.receipts', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs, txSampleBlocks, txSampleSize],
  fixtures: [recentTransactionsFixture],
  faults: ['sender-omitted'],
  budget: () => [{ kind: 'transfer', count: 1, value: 1n }],
  description:
    "Sends a self-transfer from the step's account and reads it by hash, from its block and its receipt, " +
    'then takes up to txSampleSize transactions of the last txSampleBlocks blocks. Passes when every one ' +
    'carries `from` as a 20-byte address other than the zero address, and the own transaction names the step account.',
  failsWhen:
    'A transaction lacks `from`, carries a malformed or zero address, or the own transaction names another sender.',
  async run({ adapter, params, account, fixture }) {
    const self = await readOwnSelfTransfer(adapter, account, params.receiptTimeoutMs);
    if (self.kind === 'unrecorded') return self.outcome;
    const { trace, sent, own } = self;
    const signer = account.address.toLowerCase();
    const problems: string[] = [...own.problems];
    const ownCopies = [
      ...own.copies,
      { source: 'eth_getTransactionReceipt', tx: sent.receipt as unknown as Record<string, unknown> },
    ];
    for (const copy of ownCopies) {
      const problem = senderProblem(copy.tx.from);
      if (problem !== undefined) problems.push(`own transaction via ${copy.source} ${problem}`);
      else if (String(copy.tx.from).toLowerCase() !== signer)
        problems.push(
          `own transaction via ${copy.source} names sender ${String(copy.tx.from).toLowerCase()}, but ${signer} signed it`,
        );
    }
    const sample = await fixture(recentTransactionsFixture);
    const evidenceBase = { ownTransaction: { txId: sent.txId, signer } };
    if (!sample.ok) {
      if (problems.length > 0)
        return {
          status: 'fail',
          summary: problems.slice(0, 3).join('; '),
          evidence: { ...evidenceBase, problems, rpc: trace.exchanges() },
        };
      return {
        status: 'error',
        summary: `own transaction carries its sender, but the block sample could not be read: ${sample.reason}`,
        evidence: { ...evidenceBase, sampleReads: sample.calls, rpc: trace.exchanges() },
      };
    }
    problems.push(...sample.malformedBlocks);
    for (const entry of sample.transactions) {
      const problem = senderProblem(entry.tx.from);
      if (problem !== undefined)
        problems.push(
          `block ${entry.blockNumber} transaction ${entry.index} (${String(entry.tx.hash)}) ${problem}`,
        );
    }
    const checked = ownCopies.length + sample.transactions.length;
    const evidence = {
      ...evidenceBase,
      sampledBlocks: `${sample.fromBlock}..${sample.toBlock}`,
      sampleReads: sample.calls,
      transactionsChecked: checked,
      problems: problems.slice(0, shownProblems),
      problemCount: problems.length,
      rpc: trace.exchanges(),
    };
    const expected =
      'every transaction carries from: a 20-byte, non-zero address (the signer for the own transaction)';
    if (problems.length > 0) {
      return {
        status: 'fail',
        summary: `${problems.length} transaction(s) without a well-formed sender; first: ${problems[0]}`,
        expected,
        actual: `${problems.length} of ${checked} without`,
        evidence,
      };
    }
    return {
      status: 'pass',
      summary:
        `all ${checked} transaction copies carry a well-formed sender (own transaction by hash, in its block and its ` +
        `receipt as ${signer}; ${sample.transactions.length} from blocks ${sample.fromBlock}..${sample.toBlock})`,
      expected,
      actual: `${checked} of ${checked} carry one`,
      evidence,
    };
  },
});
