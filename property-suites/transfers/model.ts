/**
 * What the ledger must hold for the suite's accounts if every accepted transfer was applied exactly
 * once (JR/T 0184-2020 10.1 ledger integrity; JR/T 0193-2020 6.9 transaction system). Index `i` of
 * `balances` and `nonces` belongs to `accounts[i]`. Amounts in the chain's smallest native unit.
 */
export interface TransferModel {
  readonly accounts: readonly string[];
  /** As the chain should report them at the latest block. */
  readonly balances: bigint[];
  /** Transactions each account has had committed (the next nonce it must use). */
  readonly nonces: bigint[];
  /** Fee reserve a sender keeps: a command runs only when the sender can pay amount + this. */
  readonly feeReserve: bigint;
}

/** Balances and nonces rendered for evidence (JSON has no bigint). */
export function describeModel(model: TransferModel): Record<string, { balance: string; nonce: string }> {
  return Object.fromEntries(
    model.accounts.map((address, i) => [
      address,
      { balance: String(model.balances[i]), nonce: String(model.nonces[i]) },
    ]),
  );
}
