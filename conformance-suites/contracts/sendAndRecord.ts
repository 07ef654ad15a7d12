import type { Identity, SubmitOutcome, TransactionsApi, TxIntent } from '#core/adapter/ChainAdapter.ts';
import { sendAndFollow } from '../transactions/sendAndFollow.ts';
import type { RpcTrace } from './createRpcTrace.ts';
import { quantity, type Receipt, ReceiptShape } from './jsonRpcShapes.ts';

/** What became of one transaction a check sent, read from the ledger through the trace. */
export type RecordedTx =
  /** On the ledger, with a well-formed receipt (whatever its status). */
  | {
      readonly kind: 'recorded';
      readonly txId: string;
      readonly answer: SubmitOutcome;
      readonly receipt: Receipt;
    }
  /** Refused at submission without naming a transaction. */
  | { readonly kind: 'refused'; readonly answer: SubmitOutcome }
  /** Accepted (or named by the refusal) but no receipt within the timeout. */
  | { readonly kind: 'lost'; readonly txId: string; readonly answer: SubmitOutcome }
  /** A receipt came, but it is not a receipt: `problem` names the field. */
  | {
      readonly kind: 'malformed';
      readonly txId: string;
      readonly answer: SubmitOutcome;
      readonly problem: string;
    };

const receiptPollMs = 50;

/**
 * Signs `intent` from `from` with a fixed gas limit (no estimation: calls that fail are still sent),
 * submits it, follows a refusal that names the transaction (Hardhat mines reverting sends it answers
 * with an error; sendAndFollow.ts) and polls eth_getTransactionReceipt through `trace` for at most
 * `timeoutMs`, validating the receipt's shape.
 */
export async function sendAndRecord(
  transactions: TransactionsApi,
  trace: RpcTrace,
  intent: TxIntent,
  from: Identity,
  options: { readonly gasLimit: bigint; readonly timeoutMs: number },
): Promise<RecordedTx> {
  const signed = await transactions.sign(intent, from, { gasLimit: options.gasLimit });
  const sent = await sendAndFollow(transactions, signed);
  if (!sent.followed) return { kind: 'refused', answer: sent.answer };
  const { txId, answer } = sent;
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const outcome = await trace.request('eth_getTransactionReceipt', [txId]);
    if (outcome.kind === 'result' && outcome.result !== null) {
      const parsed = ReceiptShape.safeParse(outcome.result);
      if (parsed.success) return { kind: 'recorded', txId, answer, receipt: parsed.data };
      const issue = parsed.error.issues[0];
      return {
        kind: 'malformed',
        txId,
        answer,
        problem: `the receipt of ${txId} has a malformed ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
      };
    }
    if (Date.now() >= deadline) return { kind: 'lost', txId, answer };
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(receiptPollMs, Math.max(0, deadline - Date.now()))),
    );
  }
}

/** Why a transaction a check needed on the ledger is not there, as one clause of a summary. */
export function describeUnrecorded(
  label: string,
  sent: Exclude<RecordedTx, { kind: 'recorded' }>,
  timeoutMs: number,
): string {
  switch (sent.kind) {
    case 'refused': {
      const { answer } = sent;
      const why = answer.accepted
        ? 'without an error'
        : `${answer.error.code} "${answer.error.message.slice(0, 120)}"`;
      return `the node refused ${label} (${why})`;
    }
    case 'lost':
      return `${label} (${sent.txId}) was accepted but is not on the ledger after ${timeoutMs} ms`;
    case 'malformed':
      return `${label}: ${sent.problem}`;
  }
}

/** The receipt fields an assessor needs to find the transaction again, for evidence. */
export function receiptEvidence(receipt: Receipt): Record<string, unknown> {
  return {
    transactionHash: receipt.transactionHash,
    blockNumber: quantity(receipt.blockNumber),
    blockHash: receipt.blockHash,
    transactionIndex: quantity(receipt.transactionIndex),
    status: receipt.status,
    gasUsed: quantity(receipt.gasUsed),
    logs: receipt.logs.length,
  };
}
