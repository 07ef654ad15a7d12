import type { BlockView } from '#core/adapter/ChainAdapter.ts';
import type { RpcClient } from './createRpcClient.ts';
import { parseRpcResult } from './parseRpcResult.ts';
import { RpcBlockSchema } from './RpcSchemas.ts';

/**
 * Reads block `number` with full transaction objects (`eth_getBlockByNumber`, hydrated), so the
 * transactions root can be rebuilt from the same answer. `null` when the node has no such block.
 */
export async function getBlock(client: RpcClient, number: bigint): Promise<BlockView | null> {
  const result = await client.call('eth_getBlockByNumber', [`0x${number.toString(16)}`, true]);
  if (result === null) return null;
  const block = parseRpcResult(RpcBlockSchema, result, 'eth_getBlockByNumber', client.endpoint);
  return {
    number: block.number,
    hash: block.hash,
    parentHash: block.parentHash,
    timestamp: block.timestamp,
    txRoot: block.transactionsRoot,
    txIds: block.transactions.map((t) => (typeof t === 'string' ? t : t.hash)),
    // The node's own object, untransformed: recomputation needs its hex fields exactly as sent.
    raw: result as Record<string, unknown>,
  };
}
