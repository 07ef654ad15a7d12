import type {
  ApiReading,
  Identity,
  SignedTx,
  SubmitOutcome,
  TransactionsApi,
  TxIntent,
  TxOutcome,
} from '#core/adapter/ChainAdapter.ts';
import { sendAndFollow } from '../transactions/sendAndFollow.ts';

/**
 * What became of one transaction a governance check sent: `executed` and `reverted` are on the
 * ledger; `refused` means the node turned it away and nothing of it is on the ledger; `pending` means
 * the node took it but no outcome appeared within the wait.
 */
export type ActResultKind = 'executed' | 'reverted' | 'refused' | 'pending';

export interface ActResult {
  readonly kind: ActResultKind;
  readonly txId: string;
  readonly answer: SubmitOutcome;
  readonly outcome: TxOutcome | null;
}

/** Submits `signed` and follows it to the ledger (a refusal that names the transaction is followed too). */
export async function submitAndFollow(
  transactions: TransactionsApi,
  signed: SignedTx,
  timeoutMs: number,
): Promise<ActResult> {
  const sent = await sendAndFollow(transactions, signed);
  if (!sent.followed) return { kind: 'refused', txId: signed.txId, answer: sent.answer, outcome: null };
  const outcome = await transactions.awaitOutcome(sent.txId, timeoutMs);
  if (outcome === null)
    return {
      kind: sent.answer.accepted ? 'pending' : 'refused',
      txId: sent.txId,
      answer: sent.answer,
      outcome,
    };
  return {
    kind: outcome.status === 'success' ? 'executed' : 'reverted',
    txId: sent.txId,
    answer: sent.answer,
    outcome,
  };
}

/** Signs `intent` as `from` (an ordinary identity) and follows it. */
export async function attemptAs(
  transactions: TransactionsApi,
  intent: TxIntent,
  from: Identity,
  timeoutMs: number,
): Promise<ActResult> {
  return submitAndFollow(transactions, await transactions.sign(intent, from), timeoutMs);
}

/** One line a reader can check against the node: how it answered and what the ledger holds. */
export function describeAct(act: ActResult, timeoutMs: number): string {
  switch (act.kind) {
    case 'executed':
      return `executed in block ${act.outcome?.blockNumber}`;
    case 'reverted':
      return `recorded as failed in block ${act.outcome?.blockNumber}`;
    case 'refused':
      return act.answer.accepted
        ? 'refused'
        : `refused with ${act.answer.error.code} "${act.answer.error.message.slice(0, 120)}"`;
    case 'pending':
      return `accepted but not on the ledger after ${timeoutMs} ms`;
  }
}

/** Evidence of one act, bounded: what was sent, how the node answered, what the ledger recorded. */
export function actEvidence(act: ActResult, timeoutMs: number): Record<string, unknown> {
  return {
    txId: act.txId,
    result: describeAct(act, timeoutMs),
    answer: act.answer,
    ...(act.outcome
      ? {
          outcome: {
            status: act.outcome.status,
            block: act.outcome.blockNumber.toString(),
            from: act.outcome.from,
          },
        }
      : {}),
  };
}

/** Why a reading is unusable, as a sentence naming the call; undefined for a good reading. */
export function readingProblem(reading: ApiReading<unknown>): string | undefined {
  const call = `${reading.call.method}(${JSON.stringify(reading.call.params).slice(1, -1).slice(0, 160)})`;
  if (reading.kind === 'refused')
    return `${call} was answered with error ${reading.error.code} "${reading.error.message.slice(0, 120)}"`;
  if (reading.kind === 'malformed') return `${call}: ${reading.problem}`;
  return undefined;
}

/** A reading's evidence: the exact call and the node's answer (bounded). */
export function readingEvidence(reading: ApiReading<unknown>): Record<string, unknown> {
  return {
    call: reading.call,
    ...(reading.kind === 'read' ? { answer: reading.value } : {}),
    ...(reading.kind === 'refused' ? { error: reading.error } : {}),
    ...(reading.kind === 'malformed'
      ? { problem: reading.problem, raw: JSON.stringify(reading.raw).slice(0, 300) }
      : {}),
  };
}
