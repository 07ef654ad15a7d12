import type { AccountsApi, Identity, SignedTx, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import type { ScheduledSend } from './scenarios/constantArrivalRate.ts';

export interface PresignedTransfer extends ScheduledSend {
  readonly signed: SignedTx;
  /** Lower-case, as the block watcher compares it. */
  readonly txId: string;
}

/** Amount of each load transfer: the cheapest transfer that still moves value. */
export const loadTransferAmount = 1n;

/**
 * Everything the chain must see before the clock starts, so the measured window holds only sends:
 * every transfer of this shard's schedule signed with explicit, consecutive nonces from its senders
 * (funded by the plan; transfer j is sent by sender j mod senders). Signing during the run would make
 * the harness, not the chain, the bottleneck.
 */
export async function presignTransfers(
  parts: { readonly transactions: TransactionsApi; readonly accounts: AccountsApi },
  senders: readonly Identity[],
  recipient: string,
  schedule: readonly ScheduledSend[],
): Promise<PresignedTransfer[]> {
  const { transactions, accounts } = parts;
  const nonces = await Promise.all(senders.map((s) => accounts.getNonce(s.address, 'pending')));
  const transfers: PresignedTransfer[] = [];
  for (const [j, send] of schedule.entries()) {
    const k = j % senders.length;
    const signed = await transactions.sign(
      { kind: 'transfer', to: recipient, amount: loadTransferAmount },
      senders[k]!,
      {
        nonce: nonces[k]!,
      },
    );
    nonces[k] = nonces[k]! + 1n;
    transfers.push({ ...send, signed, txId: signed.txId.toLowerCase() });
  }
  return transfers;
}
