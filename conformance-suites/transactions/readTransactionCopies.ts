import type { RpcTrace } from '../contracts/createRpcTrace.ts';
import { quantity, type Receipt } from '../contracts/jsonRpcShapes.ts';

/** One copy of a transaction object as one JSON-RPC read returned it. */
export interface TransactionCopy {
  /** Where it came from, e.g. `eth_getTransactionByHash` or `eth_getBlockByNumber(0x5, true)[0]`. */
  readonly source: string;
  readonly tx: Readonly<Record<string, unknown>>;
}

export interface TransactionCopies {
  readonly copies: readonly TransactionCopy[];
  /** Reads that did not yield the transaction its receipt places there; each names the read. */
  readonly problems: readonly string[];
  /** The hash of the block the receipt names, as that block reports it (undefined when unreadable). */
  readonly blockHash?: string;
  /**
   * How long eth_getTransactionByHash still answered the pending form (blockHash null) after the
   * receipt said the transaction was included, when it did (recorded, not judged, up to the grace).
   */
  readonly byHashLagMs?: number;
}

/**
 * How long eth_getTransactionByHash may lag the receipt. anvil 1.7.1 under CPU load was seen answering
 * the pending form (blockHash, blockNumber and transactionIndex null) right after serving the receipt,
 * then the mined form a moment later: an index that catches up, not a ledger that disagrees. A node
 * still answering the pending form after this grace fails.
 */
export const byHashGraceMs = 2_000;
const byHashPollMs = 50;

const isPendingForm = (value: unknown): boolean => isObject(value) && value.blockHash === null;

/**
 * The two copies of a mined transaction a client can read: by its hash, and at the index its receipt
 * gives in the hydrated block its receipt names. Both must exist and carry `txId` as their hash.
 */
export async function readTransactionCopies(
  trace: RpcTrace,
  txId: string,
  receipt: Receipt,
): Promise<TransactionCopies> {
  const copies: TransactionCopy[] = [];
  const problems: string[] = [];
  let blockHash: string | undefined;
  let byHash = await trace.request('eth_getTransactionByHash', [txId]);
  let byHashLagMs: number | undefined;
  if (byHash.kind === 'result' && isPendingForm(byHash.result)) {
    const started = Date.now();
    while (Date.now() - started < byHashGraceMs) {
      await new Promise((resolve) => setTimeout(resolve, byHashPollMs));
      byHash = await trace.request('eth_getTransactionByHash', [txId]);
      if (!(byHash.kind === 'result' && isPendingForm(byHash.result))) break;
    }
    byHashLagMs = Date.now() - started;
  }
  const byHashSource =
    byHashLagMs === undefined
      ? 'eth_getTransactionByHash'
      : `eth_getTransactionByHash (read again for ${byHashLagMs} ms after it answered the pending form)`;
  if (byHash.kind === 'error') {
    problems.push(
      `${byHashSource}(${txId}) answered error ${byHash.error.code} "${byHash.error.message.slice(0, 120)}"`,
    );
  } else if (!isObject(byHash.result)) {
    problems.push(
      `${byHashSource}(${txId}) answered ${JSON.stringify(byHash.result)?.slice(0, 80)} for a transaction its receipt records`,
    );
  } else {
    copies.push({ source: byHashSource, tx: byHash.result });
  }
  const blockSource = `eth_getBlockByNumber(${quantity(receipt.blockNumber)}, true)`;
  const block = await trace.request('eth_getBlockByNumber', [quantity(receipt.blockNumber), true]);
  if (block.kind === 'error') {
    problems.push(`${blockSource} answered error ${block.error.code} "${block.error.message.slice(0, 120)}"`);
  } else if (!isObject(block.result) || !Array.isArray(block.result.transactions)) {
    problems.push(
      `${blockSource} answered no block with a transaction list for the block the receipt of ${txId} names`,
    );
  } else {
    if (typeof block.result.hash === 'string') blockHash = block.result.hash.toLowerCase();
    const index = Number(receipt.transactionIndex);
    const entry: unknown = block.result.transactions[index];
    const source = `${blockSource}.transactions[${index}]`;
    if (!isObject(entry)) {
      problems.push(
        `${source} is ${JSON.stringify(entry)?.slice(0, 80)}, not the transaction object the receipt of ${txId} places there`,
      );
    } else if (typeof entry.hash !== 'string' || entry.hash.toLowerCase() !== txId.toLowerCase()) {
      problems.push(
        `${source} is transaction ${String(entry.hash)}, but the receipt of ${txId} places ${txId} there`,
      );
    } else {
      copies.push({ source, tx: entry });
    }
  }
  return {
    copies,
    problems,
    ...(blockHash === undefined ? {} : { blockHash }),
    ...(byHashLagMs === undefined ? {} : { byHashLagMs }),
  };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
