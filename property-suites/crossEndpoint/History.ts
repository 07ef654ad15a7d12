/**
 * The record of one cross-endpoint history (PROP-08), Elle/Jepsen style: every operation the harness
 * made, through which endpoint, when it was invoked and completed (ms on the harness's monotonic
 * clock), the endpoint's reported height, and what it observed. The checker (checkHistory.ts) judges
 * only this record, so a verdict can be re-derived from the evidence without the chain.
 */

/** What the history starts from: the suite accounts' state at one block of endpoint 1. */
export interface Baseline {
  readonly endpoint: number;
  readonly block: bigint;
  readonly hash: string;
  readonly balances: readonly bigint[];
  readonly nonces: readonly bigint[];
}

export interface History {
  /** How evidence names each endpoint: `endpoint 2 (http://…)`. */
  readonly endpoints: readonly string[];
  /** The suite's accounts (index = account number in operations). */
  readonly accounts: readonly string[];
  readonly baseline: Baseline;
  /** How long an endpoint may take to reach a block another endpoint holds (crossNodeSyncMs). */
  readonly syncBoundMs: number;
  readonly ops: Op[];
}

interface OpBase {
  /** Position in `ops`: the harness runs one operation at a time, so this is also real-time order. */
  readonly index: number;
  readonly endpoint: number;
  readonly invokedAtMs: number;
  readonly completedAtMs: number;
  /** eth_blockNumber of the endpoint when the operation was invoked. */
  readonly height: bigint;
}

/** Where the ledger put a transaction, as a receipt says. */
export interface Placement {
  readonly blockNumber: bigint;
  readonly blockHash: string;
  readonly transactionIndex: bigint;
  readonly status: 'success' | 'reverted';
}

export type TransferOutcome =
  | ({ readonly kind: 'included'; readonly fee: bigint } & Placement)
  | { readonly kind: 'refused'; readonly error: string }
  | { readonly kind: 'not-included'; readonly afterMs: number }
  /**
   * The loser of a same-nonce pair (ConflictCommand): refused, or not recorded while the other
   * was. Legal, and not judged itself; it must never be included anywhere (a double spend).
   */
  | { readonly kind: 'superseded'; readonly by: string; readonly detail: string };

/** A native transfer between two suite accounts, submitted through `endpoint` and awaited there. */
export interface TransferOp extends OpBase {
  readonly kind: 'transfer';
  readonly from: number;
  readonly to: number;
  readonly value: bigint;
  readonly nonce: bigint;
  readonly txId: string;
  readonly outcome: TransferOutcome;
}

/** An account's balance and nonce read at block `atBlock` (≤ `height`) of the endpoint. */
export interface StateReadOp extends OpBase {
  readonly kind: 'read-state';
  readonly account: number;
  readonly atBlock: bigint;
  readonly balance: bigint;
  readonly nonce: bigint;
}

/** eth_getTransactionReceipt of a transfer of the history. */
export interface ReceiptReadOp extends OpBase {
  readonly kind: 'read-receipt';
  readonly txId: string;
  readonly receipt: Placement | null;
}

/** A block read by number or by hash. */
export interface BlockReadOp extends OpBase {
  readonly kind: 'read-block';
  readonly by: 'number' | 'hash';
  readonly query: string;
  readonly block: { readonly number: bigint; readonly hash: string } | null;
}

/**
 * The harness waited for the endpoint to reach block `required` (which another endpoint holds)
 * before using it; recorded only when the endpoint was behind. `reached` < `required` means it gave
 * up after the bound.
 */
export interface AwaitHeightOp extends OpBase {
  readonly kind: 'await-height';
  readonly required: bigint;
  readonly reason: string;
  readonly reached: bigint;
  readonly waitedMs: number;
}

export type Op = TransferOp | StateReadOp | ReceiptReadOp | BlockReadOp | AwaitHeightOp;

/** An operation as it is appended (its index is assigned by the history). */
export type NewOp = Op extends infer O ? (O extends Op ? Omit<O, 'index'> : never) : never;

/** Appends an operation, numbering it. */
export function record(history: History, op: NewOp): Op {
  const full = { ...op, index: history.ops.length } as Op;
  history.ops.push(full);
  return full;
}

/** The block a history's transfer was included in, when it was. */
export function includedBlock(op: TransferOp): bigint | undefined {
  return op.outcome.kind === 'included' ? op.outcome.blockNumber : undefined;
}
