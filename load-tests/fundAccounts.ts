import type { AccountRef, Hex, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import { TargetError } from '#core/errors/TargetError.ts';

export interface FundingRequest {
  readonly account: AccountRef;
  /** Below this balance the account is topped up … */
  readonly minWei: bigint;
  /** … to this balance. */
  readonly targetWei: bigint;
}

export interface FundAccountsOptions {
  readonly receiptTimeoutMs: number;
  /** Rounds of "read balances, top up the short ones"; a round repairs dropped or raced top-ups. @default 3 */
  readonly rounds?: number;
}

/**
 * Tops up throw-away accounts from the operator's primary account, in batches with consecutive
 * nonces. Shards running at once share the primary account, so a round whose transactions lost a
 * nonce race (or were dropped) is simply followed by another round that re-reads balances and nonce.
 * Only short accounts are funded: repeated runs reuse what earlier runs left.
 */
export async function fundAccounts(
  transactions: TransactionsApi,
  requests: readonly FundingRequest[],
  options: FundAccountsOptions,
): Promise<void> {
  const rounds = options.rounds ?? 3;
  let lastProblem = '';
  for (let round = 0; round < rounds; round++) {
    const balances = await Promise.all(requests.map((r) => transactions.getBalance(r.account.address)));
    const short = requests.flatMap((r, i) =>
      balances[i]! < r.minWei ? [{ ...r, topUpWei: r.targetWei - balances[i]! }] : [],
    );
    if (short.length === 0) return;
    const nonce = await transactions.getNonce(transactions.primary.address, 'pending');
    const signed = await Promise.all(
      short.map((r, i) =>
        transactions.signTransfer({
          from: transactions.primary,
          to: r.account.address,
          valueWei: r.topUpWei,
          nonce: nonce + BigInt(i),
        }),
      ),
    );
    const accepted: Hex[] = [];
    // In nonce order: a node may hold back (or refuse) a nonce that arrives before its predecessor.
    for (const tx of signed) {
      const outcome = await transactions.submit(tx.raw);
      if (outcome.accepted) accepted.push(tx.txId);
      else lastProblem = `node rejected a top-up: ${outcome.error.code} ${outcome.error.message}`;
    }
    const receipts = await Promise.all(
      accepted.map((id) => transactions.waitForReceipt(id, options.receiptTimeoutMs)),
    );
    if (receipts.some((r) => r === null))
      lastProblem = `a top-up had no receipt after ${options.receiptTimeoutMs} ms`;
  }
  const balances = await Promise.all(requests.map((r) => transactions.getBalance(r.account.address)));
  const stillShort = requests.filter((r, i) => balances[i]! < r.minWei);
  if (stillShort.length === 0) return;
  const neededWei = stillShort.reduce((sum, r) => sum + r.targetWei, 0n);
  throw new TargetError(
    `could not fund ${stillShort.length} test account(s) from ${transactions.primary.address} in ${rounds} rounds${lastProblem ? ` (${lastProblem})` : ''}`,
    {
      details: `they need about ${neededWei} wei in total; make sure the operator account holds that much and the target accepts its transfers`,
    },
  );
}
