import type { RawRpcApi, SignedTx, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { RpcTrace } from '../contracts/createRpcTrace.ts';
import { type Receipt, ReceiptShape } from '../contracts/jsonRpcShapes.ts';
import type { RecordedTx } from '../contracts/sendAndRecord.ts';
import { sendAndFollow } from './sendAndFollow.ts';

const receiptPollMs = 50;

/**
 * Submits an already signed transaction (the caller chose its nonce), follows a refusal that names
 * it (sendAndFollow.ts) and waits at most `timeoutMs` for its receipt. Polls go to the node unrecorded;
 * the final receipt read goes through `trace`, so evidence shows one exchange per transaction.
 */
export async function submitAndRecord(
  transactions: TransactionsApi,
  rpc: RawRpcApi,
  trace: RpcTrace,
  signed: SignedTx,
  timeoutMs: number,
): Promise<RecordedTx> {
  const sent = await sendAndFollow(transactions, signed);
  if (!sent.followed) return { kind: 'refused', answer: sent.answer };
  const receipt = await awaitReceipt(rpc, trace, sent.txId, timeoutMs);
  if (receipt.kind === 'none') return { kind: 'lost', txId: sent.txId, answer: sent.answer };
  if (receipt.kind === 'malformed')
    return { kind: 'malformed', txId: sent.txId, answer: sent.answer, problem: receipt.problem };
  return { kind: 'recorded', txId: sent.txId, answer: sent.answer, receipt: receipt.receipt };
}

export type ReceiptRead =
  | { readonly kind: 'receipt'; readonly receipt: Receipt }
  | { readonly kind: 'none' }
  | { readonly kind: 'malformed'; readonly problem: string };

/**
 * Polls eth_getTransactionReceipt for `txId` until a receipt appears or `timeoutMs` passes (at least
 * one read), then records that last read in `trace` and validates its shape.
 */
export async function awaitReceipt(
  rpc: RawRpcApi,
  trace: RpcTrace,
  txId: string,
  timeoutMs: number,
): Promise<ReceiptRead> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const polled = await rpc.request('eth_getTransactionReceipt', [txId]);
    if ((polled.kind === 'result' && polled.result !== null) || Date.now() >= deadline) break;
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(receiptPollMs, Math.max(0, deadline - Date.now()))),
    );
  }
  return readReceipt(trace, txId);
}

/** One recorded read of the receipt of `txId`: null, a well-formed receipt, or what is malformed. */
export async function readReceipt(trace: RpcTrace, txId: string): Promise<ReceiptRead> {
  const answer = await trace.request('eth_getTransactionReceipt', [txId]);
  if (answer.kind === 'error') {
    return {
      kind: 'malformed',
      problem: `eth_getTransactionReceipt(${txId}) answered error ${answer.error.code} "${answer.error.message.slice(0, 120)}"`,
    };
  }
  if (answer.result === null) return { kind: 'none' };
  const parsed = ReceiptShape.safeParse(answer.result);
  if (parsed.success) {
    if (parsed.data.transactionHash !== txId.toLowerCase()) {
      return {
        kind: 'malformed',
        problem: `the receipt asked for ${txId} names transaction ${parsed.data.transactionHash}`,
      };
    }
    return { kind: 'receipt', receipt: parsed.data };
  }
  const issue = parsed.error.issues[0];
  return {
    kind: 'malformed',
    problem: `the receipt of ${txId} has a malformed ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
  };
}

/**
 * The verdict when a transaction a check needed is not on the ledger. Accepted but never recorded
 * (`lost`), or recorded with a malformed receipt, is evidence against the node: `fail` (a node that
 * misreports an account's nonce makes the harness sign transactions that never land, JR/T 0193-2020
 * 6.9). A refusal without a named transaction tried nothing on the ledger: inconclusive (`error`), since
 * a permissioned chain may refuse the harness's key.
 */
export function unrecordedOutcome(
  label: string,
  sent: Exclude<RecordedTx, { kind: 'recorded' }>,
  timeoutMs: number,
  evidence: Record<string, unknown>,
): CheckOutcome {
  switch (sent.kind) {
    case 'refused': {
      const { answer } = sent;
      const why = answer.accepted
        ? 'without an error'
        : `${answer.error.code} "${answer.error.message.slice(0, 160)}"`;
      return {
        status: 'error',
        summary: `precondition: the node refused ${label} (${why}), so nothing could be observed on the ledger`,
        evidence: { ...evidence, answer },
      };
    }
    case 'lost':
      return {
        status: 'fail',
        summary:
          `${label} (${sent.txId}) was accepted but is not on the ledger after ${timeoutMs} ms: the node lost it or ` +
          'holds it back (a transaction signed with a nonce the node misreports never lands)',
        expected: { record: `present within ${timeoutMs} ms` },
        actual: { record: null },
        evidence: { ...evidence, txId: sent.txId, answer: sent.answer },
      };
    case 'malformed':
      return {
        status: 'fail',
        summary: `${label}: ${sent.problem}`,
        evidence: { ...evidence, txId: sent.txId, answer: sent.answer },
      };
  }
}
