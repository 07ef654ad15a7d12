import type { SignedTx } from '#core/adapter/ChainAdapter.ts';
import type { AccountsModel } from '../shared/AccountsModel.ts';

/** A transaction of the run the ledger recorded, kept byte for byte to be sent again. */
export interface IncludedTx {
  readonly signed: SignedTx;
  readonly blockHash: string;
}

/**
 * What replays must leave (JR/T 0184-2020 6.3.2 replay resistance; 10.1 integrity): every included
 * transaction once in its block, and balances and nonces moved by the originals only.
 */
export interface ReplayModel extends AccountsModel {
  readonly feeReserve: bigint;
  readonly included: IncludedTx[];
}
