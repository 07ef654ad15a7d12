import type { JsonRpcRequest } from '../JsonRpcMessage.ts';
import { stateBlockParam, withStateBlock } from './historicalStateReadsLatest.ts';

/**
 * state-one-block-behind: a state read at an explicit block number n >= 1 is answered with the state
 * of block n - 1 — a node whose state lags its headers by one block (it skipped or has not yet applied
 * a block's transactions). Applied to the second endpoint of a network, it makes two nodes disagree on
 * the same call at the same block (JR/T 0184-2020 12.6; caught by SC-02).
 */
export function stateOneBlockBehind(request: JsonRpcRequest): JsonRpcRequest {
  const named = stateBlockParam(request);
  if (named === undefined || typeof named.block !== 'string' || !/^0x[0-9a-fA-F]+$/.test(named.block)) {
    return request;
  }
  const number = BigInt(named.block);
  if (number === 0n) return request;
  return withStateBlock(request, named.index, `0x${(number - 1n).toString(16)}`);
}
