import { randomBytes } from 'node:crypto';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { createRpcTrace, type RpcTrace } from '../contracts/createRpcTrace.ts';
import { quantity, type Receipt } from '../contracts/jsonRpcShapes.ts';
import { fundProbeIdentities } from './fundProbeIdentities.ts';
import { isObject } from './readTransactionCopies.ts';
import { awaitReceipt, unrecordedOutcome } from './submitAndRecord.ts';
import { transactionCount } from './transactionCount.ts';

/** Transactions the fresh identity sends: two, so 'latest' must move twice. */
const probeTransactions = 2;

interface CountExpectation {
  readonly who: string;
  readonly address: string;
  readonly tag: string;
  readonly expected: bigint;
  readonly why: string;
}

/**
 * TX-10 (chaineval extension) — JR/T 0193-2020 6.9, execution and accounting agree: an account's
 * transaction count (its nonce) is the number of its transactions on the ledger, at every block.
 *
 * The check derives a fresh identity (random seed: it has never sent anything, so its count is 0 at
 * every block), funds it from the step account with a transfer signed with the step account's pending
 * count as the node reports it, and sends two transfers from it with nonces 0 and 1 chosen by the
 * harness. It then compares eth_getTransactionCount with what the ledger implies:
 *
 * - the fresh identity: 0 ('latest', 'pending') before anything; 'pending' counts each transaction as
 *   soon as it is accepted (1, then 2); 'latest' is 2 at the end; at historical block numbers it is
 *   the number of its transactions in blocks up to that one ('earliest': 0);
 * - the step account: its count moves by exactly the number of its transactions in the funding block
 *   (count(B) − count(B−1), read from the block's transactions).
 *
 * Comparison policy: every difference is a `fail` naming the call and both values. The funding
 * transfer accepted but not recorded within receiptTimeoutMs is a `fail` (a node that misreports the
 * pending count makes clients sign transactions that never land); a refused one is `error`.
 */
export const txNonceAccounting = defineCheck({
  id: 'tx-nonce-accounting',
  catalogueId: 'TX-10',
  kind: 'conformance',
  title: { zh: '账户交易计数与账本一致', en: 'Transaction counts (nonces) match the ledger' },
  requires: ['tx.clientSign', 'tx.receipts', 'account.fund', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  faults: ['nonce-off-by-one'],
  budget: () => [{ kind: 'transfer', count: 1 + probeTransactions, value: BigInt(probeTransactions) }],
  description:
    'Funds a fresh identity from the step account (signed with the pending count the node reports), sends two ' +
    'transfers from it, and compares eth_getTransactionCount (latest, pending, earliest and historical block ' +
    "numbers) of both accounts with the transactions the ledger holds. Passes when every count equals the ledger's.",
  failsWhen:
    'A count differs from the number of the account’s transactions on the ledger (e.g. a fresh account reports a ' +
    "non-zero nonce, 'pending' does not count an accepted transaction, 'latest' moves by other than one per " +
    'mined transaction), or a transaction signed with the reported pending count never lands.',
  async run({ adapter, params, account }) {
    const { transactions, rpc } = adapter;
    const trace = createRpcTrace(rpc);
    const timeoutMs = params.receiptTimeoutMs;
    const [fresh] = adapter.identities.derive(
      `${account.address}/tx-nonce-accounting/${randomBytes(8).toString('hex')}`,
      1,
    );
    if (!fresh) throw new Error('identities.derive returned no identity');
    const evidence: Record<string, unknown> = { freshIdentity: fresh.address, stepAccount: account.address };
    const finish = () => ({ ...evidence, rpc: trace.exchanges() });
    const mismatches: string[] = [];
    let compared = 0;
    const compare = async (e: CountExpectation): Promise<CheckOutcome | undefined> => {
      const actual = await transactionCount(trace, e.address, e.tag);
      compared += 1;
      if (typeof actual !== 'bigint') return { ...actual, evidence: finish() };
      if (actual !== e.expected) {
        mismatches.push(
          `eth_getTransactionCount(${e.who}, ${e.tag}) = ${actual}, expected ${e.expected} (${e.why})`,
        );
      }
      return undefined;
    };
    const failed = (): CheckOutcome => ({
      status: 'fail',
      summary: `${mismatches.length} transaction count(s) disagree with the ledger; first: ${mismatches[0]}`,
      expected: 'every count equals the number of the account’s transactions on the ledger',
      actual: mismatches,
      evidence: finish(),
    });

    for (const tag of ['latest', 'pending']) {
      const stop = await compare({
        who: 'fresh identity',
        address: fresh.address,
        tag,
        expected: 0n,
        why: 'it has never sent a transaction',
      });
      if (stop) return stop;
    }
    if (mismatches.length > 0) return failed();

    const amount = await adapter.accounts.quote([
      { kind: 'transfer', count: probeTransactions, value: BigInt(probeTransactions) },
    ]);
    const funded = await fundProbeIdentities(
      adapter,
      trace,
      account,
      [{ identity: fresh, amount }],
      timeoutMs,
    );
    if (!funded.ok) return { ...funded.outcome, evidence: { ...funded.outcome.evidence, ...finish() } };
    const funding = funded.receipts[0]!;
    evidence.fundingBlock = quantity(funding.blockNumber);

    const mined: Receipt[] = [];
    for (let nonce = 0; nonce < probeTransactions; nonce++) {
      const signed = await transactions.sign({ kind: 'transfer', to: account.address, amount: 1n }, fresh, {
        nonce: BigInt(nonce),
      });
      const accepted = await transactions.submit(signed);
      if (!accepted.accepted) {
        return unrecordedOutcome(
          `transfer ${nonce} of the fresh identity`,
          { kind: 'refused', answer: accepted },
          timeoutMs,
          finish(),
        );
      }
      // Accepted: 'pending' counts it now, mined or not.
      const stop = await compare({
        who: 'fresh identity',
        address: fresh.address,
        tag: 'pending',
        expected: BigInt(nonce + 1),
        why: `its transfer with nonce ${nonce} was just accepted`,
      });
      if (stop) return stop;
      const recorded = await awaitReceipt(rpc, trace, accepted.txId, timeoutMs);
      if (recorded.kind === 'none') {
        return unrecordedOutcome(
          `transfer ${nonce} of the fresh identity`,
          { kind: 'lost', txId: accepted.txId, answer: accepted },
          timeoutMs,
          finish(),
        );
      }
      if (recorded.kind === 'malformed')
        return { status: 'fail', summary: recorded.problem, evidence: finish() };
      mined.push(recorded.receipt);
    }
    evidence.probeBlocks = mined.map((r) => quantity(r.blockNumber));

    const expectations: CountExpectation[] = [
      {
        who: 'fresh identity',
        address: fresh.address,
        tag: 'latest',
        expected: 2n,
        why: 'both transfers are mined',
      },
      {
        who: 'fresh identity',
        address: fresh.address,
        tag: 'pending',
        expected: 2n,
        why: 'nothing else is pending',
      },
      { who: 'fresh identity', address: fresh.address, tag: 'earliest', expected: 0n, why: 'genesis' },
    ];
    const heights = new Set<bigint>([funding.blockNumber, ...mined.map((r) => r.blockNumber)]);
    for (const h of [...heights].flatMap((b) => [b - 1n, b])) {
      const sentUpTo = BigInt(mined.filter((r) => r.blockNumber <= h).length);
      expectations.push({
        who: 'fresh identity',
        address: fresh.address,
        tag: quantity(h),
        expected: sentUpTo,
        why: `${sentUpTo} of its transfers are in blocks up to ${h}`,
      });
    }
    for (const e of expectations) {
      const stop = await compare(e);
      if (stop) return stop;
    }
    const moved = await stepAccountMove(trace, account.address, funding.blockNumber);
    if ('status' in moved) return { ...moved, evidence: finish() };
    if (
      moved.before !== undefined &&
      moved.after !== undefined &&
      moved.after - moved.before !== moved.sent
    ) {
      mismatches.push(
        `the step account's count moved from ${moved.before} (block ${funding.blockNumber - 1n}) to ${moved.after} (block ${funding.blockNumber}), but block ${funding.blockNumber} holds ${moved.sent} of its transactions`,
      );
    }
    evidence.stepAccountMove = {
      block: quantity(funding.blockNumber),
      before: moved.before?.toString(),
      after: moved.after?.toString(),
      transactionsInBlock: moved.sent.toString(),
    };
    if (mismatches.length > 0) return failed();
    return {
      status: 'pass',
      summary:
        `${compared + 2} transaction counts match the ledger: a fresh identity counts 0, then 1 and 2 ` +
        `pending as each transfer is accepted, 2 latest, and its history at blocks ${[...heights].join(', ')}; the ` +
        `step account moved by ${moved.sent} in funding block ${funding.blockNumber}`,
      expected: 'every count equals the number of the account’s transactions on the ledger',
      actual: 'all equal',
      evidence: finish(),
    };
  },
});

/** The step account's count just before and at `block`, and how many of its transactions the block holds. */
async function stepAccountMove(
  trace: RpcTrace,
  address: string,
  block: bigint,
): Promise<{ before?: bigint; after?: bigint; sent: bigint } | CheckOutcome> {
  const before = await transactionCount(trace, address, quantity(block - 1n));
  if (typeof before !== 'bigint') return before;
  const after = await transactionCount(trace, address, quantity(block));
  if (typeof after !== 'bigint') return after;
  const read = await trace.request('eth_getBlockByNumber', [quantity(block), true]);
  const txs = read.kind === 'result' && isObject(read.result) ? read.result.transactions : undefined;
  if (!Array.isArray(txs)) {
    return {
      status: 'fail',
      summary: `eth_getBlockByNumber(${quantity(block)}, true) gave no transaction list for the block a receipt names`,
    };
  }
  const sent = BigInt(
    txs.filter(
      (t) => isObject(t) && typeof t.from === 'string' && t.from.toLowerCase() === address.toLowerCase(),
    ).length,
  );
  return { before, after, sent };
}
