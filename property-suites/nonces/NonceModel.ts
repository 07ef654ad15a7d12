import type { AccountsModel } from '../shared/AccountsModel.ts';

/**
 * Balances and nonces of accounts that send several transactions at once (JR/T 0193-2020 6.9): every
 * nonce is used by exactly one included transaction, in order, whatever raced for it.
 */
export interface NonceModel extends AccountsModel {
  /** What a sender keeps back for fees: a command runs only when the sender can pay its values + this. */
  readonly feeReserve: bigint;
}
