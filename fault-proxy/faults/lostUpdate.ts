import type { JsonRpcRequest } from '../JsonRpcMessage.ts';
import { stateBlockParam, withStateBlock } from './historicalStateReadsLatest.ts';

const staleMethods = new Set(['eth_getBalance', 'eth_getTransactionCount']);

/**
 * lost-update: a node whose state lags its own blocks by one. eth_getBalance and
 * eth_getTransactionCount naming block N (a hex number, or "latest"/"pending"/nothing, taken as the
 * head `head`) are answered with the state at block N − 1, while the node reports N as its height
 * and serves block N itself: the newest block's transactions are missing from its state reads.
 * Applied to one endpoint of a network (caught by PROP-08, which reads every endpoint at the block
 * of each of its transfers). Returns the request to ask the chain instead, or undefined when the
 * fault does not apply (other methods, block 0, EIP-1898 objects, unknown head).
 */
export function lostUpdate(request: JsonRpcRequest, head: bigint | undefined): JsonRpcRequest | undefined {
  if (!staleMethods.has(request.method)) return undefined;
  const named = stateBlockParam(request);
  if (named === undefined) return undefined;
  const { block } = named;
  let n: bigint | undefined;
  if (block === undefined || block === 'latest' || block === 'pending') n = head;
  else if (typeof block === 'string' && /^0x[0-9a-fA-F]+$/.test(block)) n = BigInt(block);
  if (n === undefined || n < 1n) return undefined;
  return withStateBlock(request, named.index, `0x${(n - 1n).toString(16)}`);
}

/** Whether `lostUpdate` needs the chain's head to decide (the read names a tag, not a number). */
export function lostUpdateNeedsHead(request: JsonRpcRequest): boolean {
  if (!staleMethods.has(request.method)) return false;
  const block = stateBlockParam(request)?.block;
  return block === undefined || block === 'latest' || block === 'pending';
}
