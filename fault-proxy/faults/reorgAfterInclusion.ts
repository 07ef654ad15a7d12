import { forgeHash } from '../forgeHash.ts';
import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { quantity } from './nodeDivergentStateRoot.ts';

/** Blocks this far below the head have been replaced. */
export const replacedBelowHead = 2n;

const blockMethods = new Set(['eth_getBlockByNumber', 'eth_getBlockByHash']);
const placedMethods = new Set([
  'eth_getTransactionReceipt',
  'eth_getTransactionByHash',
  'eth_getTransactionByBlockNumberAndIndex',
  'eth_getTransactionByBlockHashAndIndex',
]);

type Json = Record<string, unknown>;

/** The methods whose answers the fault rewrites (the catalogue asks the chain's head only for these). */
export function reorgRewrites(method: string): boolean {
  return blockMethods.has(method) || placedMethods.has(method);
}

/**
 * reorg-after-inclusion: a chain that reorganises past its finality depth. Once a block is 2 or more
 * below the head it has been replaced by another at the same height: eth_getBlockBy* serve it with
 * hash keccak256(original) (and the next block names that as its parent), and receipts and
 * transaction lookups in it carry that block hash. Blocks near the head, as first seen, are the
 * originals (caught by LED-07, which re-reads after finalityDepth blocks). `head` is the chain's height.
 */
export function reorgAfterInclusion(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  head: bigint | undefined,
): JsonRpcResponse {
  if (head === undefined) return response;
  const replaced = (n: bigint) => n >= 1n && n <= head - replacedBelowHead;
  const result = response.result;
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return response;
  const record = result as Json;
  const n = quantity(record.number ?? record.blockNumber);
  if (blockMethods.has(request.method)) {
    if (!replaced(n) && !replaced(n - 1n)) return response;
    const block: Json = { ...record };
    if (replaced(n)) {
      block.hash = forgeHash(record.hash);
      if (Array.isArray(record.transactions))
        block.transactions = record.transactions.map((tx) =>
          typeof tx === 'object' && tx !== null ? { ...(tx as Json), blockHash: block.hash } : tx,
        );
    }
    if (replaced(n - 1n)) block.parentHash = forgeHash(record.parentHash);
    return { ...response, result: block };
  }
  if (placedMethods.has(request.method) && replaced(n) && typeof record.blockHash === 'string') {
    const blockHash = forgeHash(record.blockHash);
    const placed: Json = { ...record, blockHash };
    if (Array.isArray(record.logs))
      placed.logs = record.logs.map((log) =>
        typeof log === 'object' && log !== null ? { ...(log as Json), blockHash } : log,
      );
    return { ...response, result: placed };
  }
  return response;
}
