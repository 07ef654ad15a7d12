import { randomBytes } from 'node:crypto';
import type { SubmitOutcome } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { createRpcTrace } from '../contracts/createRpcTrace.ts';
import { quantity, type Receipt } from '../contracts/jsonRpcShapes.ts';
import { fundProbeIdentities } from './fundProbeIdentities.ts';
import { nudgeBlock } from './nudgeBlock.ts';
import { isObject } from './readTransactionCopies.ts';
import { awaitReceipt, readReceipt, submitAndRecord, unrecordedOutcome } from './submitAndRecord.ts';
import { transactionCount } from './transactionCount.ts';

/** What became of the submission of the out-of-order transaction while its predecessor was missing. */
type EarlyAnswer =
  | { readonly kind: 'answered'; readonly answer: SubmitOutcome }
  /** The node had not answered yet (ganache 7.9.2 holds its answer until the transaction is mined). */
  | { readonly kind: 'unanswered' }
  | { readonly kind: 'threw'; readonly error: string };

const pollMs = 50;

/**
 * TX-07 — JR/T 0193-2020 6.9 (the transaction system executes transactions in a defined order): an
 * account's transactions execute in nonce order, so one whose predecessor nonce is missing must wait.
 *
 * From a fresh identity funded by the step account (a held transaction must never block the step
 * account), the check sends nonce 1, then waits until the node has answered it or knows it by hash,
 * then makes a new block with a self-transfer from the step account. Nonce 1 must not be on the
 * ledger at that point. Then it sends nonce 0; both must land, 0 before 1 (an earlier block, or the
 * same block at a lower index). Refusing nonce 1 outright is correct too (Hardhat in automine: "Nonce
 * too high"); it is then resent once nonce 0 is on the ledger.
 *
 * Comparison policy: nonce 1 with a receipt, or a block position, while nonce 0 was unsent is a
 * `fail`; so is either transaction missing after the gap was filled (a node that acknowledged a
 * transaction and then lost it), or the two landing out of order. The gap is always filled before
 * the check returns, whatever its verdict.
 */
export const txNonceGapHeld = defineCheck({
  id: 'tx-nonce-gap-held',
  catalogueId: 'TX-07',
  kind: 'conformance',
  title: { zh: '交易序号缺口时后续交易不被执行', en: 'A transaction after a nonce gap waits for the gap' },
  requires: ['tx.clientSign', 'tx.receipts', 'account.fund', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  budget: () => [
    { kind: 'transfer', count: 4, value: 2n },
    { kind: 'transfer', count: 1 },
  ],
  faults: ['nonce-gap-mined'],
  description:
    'From a fresh identity funded by the step account, sends nonce 1 before nonce 0, makes a block with a ' +
    'self-transfer from the step account, then sends nonce 0. Passes when nonce 1 was refused or not on the ' +
    'ledger while the gap was open, and after nonce 0 both landed in nonce order (a refused nonce 1 is resent).',
  failsWhen:
    'The transaction after the gap is on the ledger before the gap is filled, either transaction is missing ' +
    'within receiptTimeoutMs after the gap is filled, or they land out of nonce order.',
  async run({ adapter, params, account }) {
    const { transactions, rpc } = adapter;
    const trace = createRpcTrace(rpc);
    const timeoutMs = params.receiptTimeoutMs;
    const [sender] = adapter.identities.derive(
      `${account.address}/tx-nonce-gap-held/${randomBytes(8).toString('hex')}`,
      1,
    );
    if (!sender) throw new Error('identities.derive returned no identity');
    const amount = await adapter.accounts.quote([{ kind: 'transfer', count: 2, value: 2n }]);
    const funded = await fundProbeIdentities(
      adapter,
      trace,
      account,
      [{ identity: sender, amount }],
      timeoutMs,
    );
    if (!funded.ok) return funded.outcome;
    const transfer = { kind: 'transfer', to: account.address, amount: 1n } as const;
    const first = await transactions.sign(transfer, sender, { nonce: 0n });
    const second = await transactions.sign(transfer, sender, { nonce: 1n });
    const evidence: Record<string, unknown> = {
      sender: sender.address,
      nonce0: { txId: first.txId, raw: first.raw },
      nonce1: { txId: second.txId, raw: second.raw },
    };
    const finish = () => ({ ...evidence, rpc: trace.exchanges() });

    // Nonce 1 first. Its answer may be held back until it is mined, so it is not awaited here.
    const secondAnswer = transactions.submit(second).then(
      (answer): EarlyAnswer => ({ kind: 'answered', answer }),
      (error: unknown): EarlyAnswer => ({
        kind: 'threw',
        error: error instanceof Error ? error.message.split('\n')[0]! : String(error),
      }),
    );
    const early = await answerOrKnown(secondAnswer, rpc, second.txId, timeoutMs);
    evidence.nonce1EarlyAnswer = early;
    const refusedEarly =
      early.kind === 'answered' && !early.answer.accepted && early.answer.reportedTxId === undefined;

    const nudge = await nudgeBlock(transactions, rpc, trace, account, timeoutMs);
    if (!nudge.ok) {
      await fillGap(transactions, rpc, trace, first, timeoutMs);
      return { ...nudge.outcome, evidence: finish() };
    }
    evidence.blockMadeWhileGapOpen = quantity(nudge.receipt.blockNumber);
    const heldReceipt = await readReceipt(trace, second.txId);
    const heldLookup = await trace.request('eth_getTransactionByHash', [second.txId]);
    const lookupBlock =
      heldLookup.kind === 'result' && isObject(heldLookup.result) ? heldLookup.result.blockNumber : null;
    const senderCount = await transactionCount(trace, sender.address, 'latest');
    const gapProblems: string[] = [];
    if (heldReceipt.kind === 'receipt') {
      gapProblems.push(
        `nonce 1 (${second.txId}) has a receipt in block ${heldReceipt.receipt.blockNumber} while nonce 0 had not been sent`,
      );
    } else if (heldReceipt.kind === 'malformed') {
      gapProblems.push(heldReceipt.problem);
    }
    if (lookupBlock !== null && lookupBlock !== undefined) {
      gapProblems.push(
        `eth_getTransactionByHash places nonce 1 in block ${String(lookupBlock)} while nonce 0 had not been sent`,
      );
    }
    if (typeof senderCount === 'bigint' && senderCount !== 0n) {
      gapProblems.push(
        `the sender's latest transaction count is ${senderCount} while only nonce 1 had been sent`,
      );
    }
    if (gapProblems.length > 0) {
      // Leave no gap behind: fill it before reporting.
      await fillGap(transactions, rpc, trace, first, timeoutMs);
      return {
        status: 'fail',
        summary: `a transaction was executed across a nonce gap: ${gapProblems.join('; ')}`,
        expected: { whileGapOpen: 'nonce 1 refused or not on the ledger' },
        actual: { whileGapOpen: gapProblems },
        evidence: finish(),
      };
    }

    const firstSent = await submitAndRecord(transactions, rpc, trace, first, timeoutMs);
    if (firstSent.kind !== 'recorded') {
      return unrecordedOutcome('nonce 0, sent to fill the gap', firstSent, timeoutMs, finish());
    }
    let secondReceipt: Receipt | undefined;
    let resent = false;
    if (refusedEarly) {
      resent = true;
      const again = await submitAndRecord(transactions, rpc, trace, second, timeoutMs);
      if (again.kind !== 'recorded')
        return unrecordedOutcome('nonce 1, resent after nonce 0 landed', again, timeoutMs, finish());
      secondReceipt = again.receipt;
    } else {
      const read = await awaitReceipt(rpc, trace, second.txId, timeoutMs);
      if (read.kind === 'malformed') return { status: 'fail', summary: read.problem, evidence: finish() };
      if (read.kind === 'none') {
        return {
          status: 'fail',
          summary: `nonce 1 (${second.txId}), which the node ${early.kind === 'answered' ? 'acknowledged' : 'was holding'}, is not on the ledger ${timeoutMs} ms after nonce 0 filled the gap`,
          expected: { afterGapFilled: 'both on the ledger' },
          actual: { nonce0: quantity(firstSent.receipt.blockNumber), nonce1: null },
          evidence: finish(),
        };
      }
      secondReceipt = read.receipt;
    }
    evidence.nonce1Answer = await Promise.race([
      secondAnswer,
      delay(timeoutMs).then(() => ({ kind: 'unanswered' })),
    ]);
    const a = firstSent.receipt;
    const b = secondReceipt;
    const position = (r: Receipt) => `block ${r.blockNumber} index ${r.transactionIndex}`;
    const inOrder =
      a.blockNumber < b.blockNumber ||
      (a.blockNumber === b.blockNumber && a.transactionIndex < b.transactionIndex);
    const expected = {
      whileGapOpen: 'nonce 1 refused or not on the ledger',
      afterGapFilled: 'nonce 0 before nonce 1, both successful',
    };
    const actual = {
      whileGapOpen: refusedEarly
        ? `refused: ${early.kind === 'answered' && !early.answer.accepted ? early.answer.error.message.slice(0, 160) : ''}`
        : `held (not on the ledger at block ${nudge.receipt.blockNumber})`,
      afterGapFilled: `nonce 0 at ${position(a)}, nonce 1 at ${position(b)}${resent ? ' (resent)' : ''}`,
    };
    const problems: string[] = [];
    if (!inOrder) problems.push(`nonce 1 landed at ${position(b)}, not after nonce 0 at ${position(a)}`);
    if (a.status !== '0x1' || b.status !== '0x1')
      problems.push(`plain transfers failed (status ${a.status} and ${b.status})`);
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence: finish() };
    return {
      status: 'pass',
      summary:
        (refusedEarly
          ? 'nonce 1 sent before nonce 0 was refused'
          : `nonce 1 sent before nonce 0 was held: not on the ledger when block ${nudge.receipt.blockNumber} was made`) +
        `; after nonce 0 both landed in order (${actual.afterGapFilled})`,
      expected,
      actual,
      evidence: finish(),
    };
  },
});

/**
 * Waits until the node answered the submission of `txId` or knows the transaction by hash (a node
 * may hold its answer back while the transaction waits), at most `timeoutMs`.
 */
async function answerOrKnown(
  answer: Promise<EarlyAnswer>,
  rpc: {
    request: (method: string, params: readonly unknown[]) => Promise<{ kind: string; result?: unknown }>;
  },
  txId: string,
  timeoutMs: number,
): Promise<EarlyAnswer> {
  const answerWithin = (ms: number) => Promise.race([answer, delay(ms).then(() => undefined)]);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const settled = await answerWithin(pollMs);
    if (settled !== undefined) return settled;
    const known = await rpc.request('eth_getTransactionByHash', [txId]);
    if ((known.kind === 'result' && isObject(known.result)) || Date.now() >= deadline)
      return (await answerWithin(pollMs)) ?? { kind: 'unanswered' };
  }
}

/** Sends nonce 0 so no gap is left behind; its fate is evidence only. */
async function fillGap(...args: Parameters<typeof submitAndRecord>): Promise<void> {
  await submitAndRecord(...args);
}

/** A wait that does not keep the process alive once the race it serves is decided. */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
