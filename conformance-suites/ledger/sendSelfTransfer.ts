import type { Hex, Identity, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import { awaitReceipt } from './evm/awaitReceipt.ts';
import type { RpcReader } from './evm/createRpcReader.ts';
import type { ReceiptView } from './evm/rpcShapes.ts';

export type SelfTransfer =
  | {
      readonly kind: 'recorded';
      readonly txId: Hex;
      readonly submittedAtMs: number;
      readonly seenAtMs: number;
      readonly receipt: ReceiptView;
    }
  /** Why the transfer is not on the ledger: a refusal, no receipt in time, or a malformed receipt. */
  | { readonly kind: 'failed'; readonly reason: string; readonly txId?: string };

/**
 * Sends 1 unit from `account` to itself and waits for its receipt on `reader`'s endpoint: the cheapest
 * transaction that makes a block on an automining chain (used to time inclusion and to add blocks on
 * top of one, LED-07 and CON-10).
 */
export async function sendSelfTransfer(
  transactions: TransactionsApi,
  account: Identity,
  reader: RpcReader,
  timeoutMs: number,
): Promise<SelfTransfer> {
  const signed = await transactions.sign({ kind: 'transfer', to: account.address, amount: 1n }, account);
  const submittedAtMs = Date.now();
  const answer = await transactions.submit(signed);
  if (!answer.accepted)
    return {
      kind: 'failed',
      reason: `the node refused a self-transfer of 1 unit (${answer.error.code} "${answer.error.message.slice(0, 120)}")`,
      txId: signed.txId,
    };
  const waited = await awaitReceipt(reader, answer.txId, timeoutMs);
  if (waited.kind === 'malformed') return { kind: 'failed', reason: waited.problem, txId: answer.txId };
  if (waited.kind === 'missing')
    return {
      kind: 'failed',
      reason: `the node accepted self-transfer ${answer.txId} but no receipt appeared within ${timeoutMs} ms`,
      txId: answer.txId,
    };
  return {
    kind: 'recorded',
    txId: answer.txId as Hex,
    submittedAtMs,
    seenAtMs: waited.seenAtMs,
    receipt: waited.receipt,
  };
}
