import type { AccountsApi, Identity, LedgerApi, TransactionsApi } from '#core/adapter/ChainAdapter.ts';

/** The system under test as the commands see it: the adapter's parts and the suite's accounts. */
export interface TransferSystem {
  readonly transactions: TransactionsApi;
  readonly accounts: AccountsApi;
  readonly ledger: LedgerApi;
  readonly identities: readonly Identity[];
  readonly receiptTimeoutMs: number;
  /**
   * Aborted once fast-check has returned: a run it stopped waiting for (time budget) cannot be
   * cancelled, so its next command stops here instead of sending more transactions.
   */
  readonly signal: AbortSignal;
  /** Commands run across all runs and shrinks, for the report. */
  commandsExecuted: number;
}
