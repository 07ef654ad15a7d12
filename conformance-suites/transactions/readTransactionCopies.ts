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
}

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
  const byHash = await trace.request('eth_getTransactionByHash', [txId]);
  const byHashSource = 'eth_getTransactionByHash';
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
  return { copies, problems, ...(blockHash === undefined ? {} : { blockHash }) };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
