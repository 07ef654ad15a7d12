import type { AccountRef, Hex, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import { fundAccounts } from './fundAccounts.ts';
import type { ScheduledSend } from './scenarios/constantArrivalRate.ts';

export interface PresignedTransfer extends ScheduledSend {
  readonly raw: Hex;
  /** Lower-case, as the block watcher compares it. */
  readonly txId: Hex;
}

export interface PresignOptions {
  readonly scenario: string;
  readonly shardIndex: number;
  /** Sends per second this shard makes; about one sender per tx/s keeps ~one tx per sender per block. */
  readonly shardRateTps: number;
  readonly receiptTimeoutMs: number;
}

/** Value of each load transfer: the cheapest transfer that still moves value. */
const transferValueWei = 1n;
/** 100 gwei × 21 000 gas, a fee ceiling for test chains; senders get twice what their share needs. */
const feeBudgetWei = 21_000n * 100_000_000_000n;
const maxSendersPerShard = 64;

/**
 * Everything the chain must do before the clock starts, so the measured window holds only sends:
 * derive this shard's senders (seed includes the shard index, so shards never share a nonce),
 * fund them from the primary account, read their nonces and sign every transfer with explicit,
 * consecutive nonces. Signing during the run would make the harness, not the chain, the bottleneck.
 */
export async function presignTransfers(
  transactions: TransactionsApi,
  schedule: readonly ScheduledSend[],
  options: PresignOptions,
): Promise<{ readonly senders: readonly AccountRef[]; readonly transfers: readonly PresignedTransfer[] }> {
  const senderCount = Math.max(
    1,
    Math.min(maxSendersPerShard, schedule.length, Math.ceil(options.shardRateTps)),
  );
  const senders = transactions.deriveAccounts(
    senderCount,
    `load/${options.scenario}/shard-${options.shardIndex}`,
  );
  // Transfer j is sent by sender j mod senderCount.
  const perSender = senders.map((_, k) => BigInt(Math.ceil((schedule.length - k) / senderCount)));
  await fundAccounts(
    transactions,
    senders.map((account, k) => {
      const needWei = perSender[k]! * (transferValueWei + feeBudgetWei);
      return { account, minWei: needWei, targetWei: 2n * needWei };
    }),
    { receiptTimeoutMs: options.receiptTimeoutMs },
  );
  const nonces = await Promise.all(senders.map((s) => transactions.getNonce(s.address, 'pending')));
  const transfers: PresignedTransfer[] = [];
  for (const [j, send] of schedule.entries()) {
    const k = j % senderCount;
    const signed = await transactions.signTransfer({
      from: senders[k]!,
      to: transactions.primary.address,
      valueWei: transferValueWei,
      nonce: nonces[k]!,
    });
    nonces[k] = nonces[k]! + 1n;
    transfers.push({ ...send, raw: signed.raw, txId: signed.txId.toLowerCase() as Hex });
  }
  return { senders, transfers };
}
