import type { JsonRpcRequest, JsonRpcResponse } from '../JsonRpcMessage.ts';
import { quantity } from './nodeDivergentStateRoot.ts';

const blockMethods = new Set(['eth_getBlockByNumber', 'eth_getBlockByHash']);

/** The blocks it rewrites: even numbers from 2, so each one's parent keeps its true timestamp. */
export function stampedBackwards(n: bigint): boolean {
  return n >= 2n && n % 2n === 0n;
}

/**
 * timestamp-backwards: a node whose clock steps back stamps every even-numbered block from 2 one
 * second before its parent (eth_getBlockBy*), so time runs backwards at those blocks while staying
 * within seconds of the true time (caught by LED-08's order check, not its skew bound).
 * `parentTimestamp` is the chain's timestamp of block n − 1.
 */
export function timestampBackwards(
  request: JsonRpcRequest,
  response: JsonRpcResponse,
  parentTimestamp: bigint | undefined,
): JsonRpcResponse {
  if (!blockMethods.has(request.method) || parentTimestamp === undefined) return response;
  const block = response.result;
  if (typeof block !== 'object' || block === null || !('timestamp' in block)) return response;
  const record = block as Record<string, unknown>;
  if (!stampedBackwards(quantity(record.number))) return response;
  const stamped = parentTimestamp > 0n ? parentTimestamp - 1n : 0n;
  return { ...response, result: { ...record, timestamp: `0x${stamped.toString(16)}` } };
}
