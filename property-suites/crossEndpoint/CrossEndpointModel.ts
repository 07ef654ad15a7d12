import type { AccountsModel } from '../shared/AccountsModel.ts';
import type { History, TransferOp } from './History.ts';

/**
 * What the commands of PROP-08 know: the accounts' balances and next nonces by the included transfers
 * (for `check` and for signing), and the history being recorded, which alone decides the verdict.
 */
export interface CrossEndpointModel extends AccountsModel {
  readonly feeReserve: bigint;
  readonly history: History;
  /** The history's included transfers, in order. */
  readonly included: TransferOp[];
  /** Losers of same-nonce pairs: their receipts are read on every endpoint at the end. */
  readonly superseded: TransferOp[];
}
