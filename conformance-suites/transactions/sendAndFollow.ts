import type { SignedTx, SubmitOutcome, TransactionsApi } from '#core/adapter/ChainAdapter.ts';

export type FollowedSubmission =
  /** The node took the transaction, or refused it while naming the id it received; follow `txId`. */
  | { readonly followed: true; readonly txId: string; readonly answer: SubmitOutcome }
  /** The node refused it without naming one: nothing to look for on the ledger. */
  | { readonly followed: false; readonly answer: SubmitOutcome };

/**
 * Submits a transaction that is expected to fail in execution. Some nodes answer such a send with an
 * error and still include it (Hardhat in automine: -32603 with `data.txHash`, and a receipt with
 * status 0; toolchain.md), so the ledger, not the answer, decides what happened: when the refusal
 * names the transaction, the caller follows that id.
 */
export async function sendAndFollow(
  transactions: TransactionsApi,
  signed: SignedTx,
): Promise<FollowedSubmission> {
  const answer = await transactions.submit(signed);
  if (answer.accepted) return { followed: true, txId: answer.txId, answer };
  if (answer.reportedTxId !== undefined) return { followed: true, txId: answer.reportedTxId, answer };
  return { followed: false, answer };
}
