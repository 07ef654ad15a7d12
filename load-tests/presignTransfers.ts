import type {
  AccountsApi,
  Identity,
  SignedTx,
  SignOptions,
  TransactionsApi,
  TxIntent,
} from '#core/adapter/ChainAdapter.ts';
import type { LoadWorkload } from './prepareLoadWorkload.ts';
import type { ScheduledSend } from './scenarios/constantArrivalRate.ts';

export interface PresignedTransfer extends ScheduledSend {
  readonly signed: SignedTx;
  /** Lower-case, as the block watcher compares it. */
  readonly txId: string;
}

/** Amount of each load transfer: the cheapest transfer that still moves value. */
export const loadTransferAmount = 1n;

/**
 * Everything the chain must see before the clock starts (a `workload` other than the default transfer
 * to `recipient` says what each transaction does), so the measured window holds only sends:
 * every transfer of this shard's schedule signed with explicit, consecutive nonces from its senders
 * (funded by the plan; transfer j is sent by sender j mod senders). Signing during the run would make
 * the harness, not the chain, the bottleneck.
 */
export async function presignTransfers(
  parts: { readonly transactions: TransactionsApi; readonly accounts: AccountsApi },
  senders: readonly Identity[],
  recipient: string,
  schedule: readonly ScheduledSend[],
  workload?: Pick<LoadWorkload, 'intent' | 'gasLimit'>,
): Promise<PresignedTransfer[]> {
  const { transactions, accounts } = parts;
  const nonces = await Promise.all(senders.map((s) => accounts.getNonce(s.address, 'pending')));
  const requests = schedule.map((_, j) => {
    const k = j % senders.length;
    const nonce = nonces[k]!;
    nonces[k] = nonce + 1n;
    const intent: TxIntent = workload
      ? workload.intent(j)
      : { kind: 'transfer', to: recipient, amount: loadTransferAmount };
    const gas = workload?.gasLimit;
    return { intent, from: senders[k]!, options: gas === undefined ? { nonce } : { nonce, gasLimit: gas } };
  });
  // Signing is the harness's largest cost per transaction: the adapter spreads it over threads when it can.
  const signed = transactions.signMany
    ? await transactions.signMany(requests)
    : await signOneByOne(transactions, requests);
  return schedule.map((send, j) => ({ ...send, signed: signed[j]!, txId: signed[j]!.txId.toLowerCase() }));
}

async function signOneByOne(
  transactions: TransactionsApi,
  requests: readonly { intent: TxIntent; from: Identity; options: SignOptions }[],
): Promise<SignedTx[]> {
  const signed: SignedTx[] = [];
  for (const r of requests) signed.push(await transactions.sign(r.intent, r.from, r.options));
  return signed;
}
