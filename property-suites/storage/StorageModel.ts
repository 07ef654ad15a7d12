import type { Log } from '#conformance/contracts/jsonRpcShapes.ts';
import type { AccountsModel } from '../shared/AccountsModel.ts';

/** The value slot 1 holds as of `block` (from that block until the next write). */
export interface SlotWrite {
  readonly block: bigint;
  readonly value: bigint;
}

/**
 * What the Probe's storage and logs must show if every write was applied once and every event kept
 * (JR/T 0193-2020 6.7 state management, 6.5 event distribution): slot 1 (`stored`) at the latest
 * block, its value at each past block a write landed in, and the logs the receipts recorded.
 */
export interface StorageModel extends AccountsModel {
  readonly contract: string;
  /** Probe slot 1 at the latest block. */
  stored: bigint;
  /** The block before the run's first command: logs are read from here. */
  readonly fromBlock: bigint;
  /** Slot 1 at `fromBlock`, then after each write, in order. */
  readonly writes: SlotWrite[];
  /**
   * The Probe's logs from `fromBlock` on: those already in `fromBlock` when the run began, then the
   * ones the receipts of the run's transactions recorded.
   */
  readonly logs: Log[];
  /** The block of the run's last included transaction (`fromBlock` before the first). */
  lastTxBlock: bigint;
  /** The highest block number the node has reported: reads must never go back (monotonic reads). */
  lastHeight: bigint;
  /** The Ping/Pong tag of this property's events, so other callers' events cannot be confused with them. */
  readonly tag: bigint;
}
