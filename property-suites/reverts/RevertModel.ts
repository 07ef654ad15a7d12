import type { AccountsModel } from '../shared/AccountsModel.ts';

/**
 * What reverting calls must leave (JR/T 0184-2020 12.5 atomicity, 10.7 failures recorded): the
 * Probe's slots unchanged, the transaction included with status 0 and no logs, and the sender charged
 * the fee (gasUsed × effectiveGasPrice) and one nonce all the same.
 */
export interface RevertModel extends AccountsModel {
  readonly contract: string;
  /** Probe slot 0 (`value`), written only by writeThenRevert, which always reverts. */
  readonly value: bigint;
  /** Probe slot 1 (`stored`), which no reverting call touches. */
  readonly stored: bigint;
}
