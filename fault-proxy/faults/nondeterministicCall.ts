import type { JsonRpcRequest } from '../JsonRpcMessage.ts';
import { stateBlockParam, withStateBlock } from './historicalStateReadsLatest.ts';

/** How many eth_calls naming a past block the fault has seen on this proxy. */
export interface CallCounter {
  calls: number;
}

/**
 * nondeterministic-call: every second eth_call that names a block other than "latest" is executed at
 * "latest" instead — a node (or its response cache) that drops the block parameter on some requests,
 * so the same call at the same block gives different answers (JR/T 0184-2020 12.6; caught by SC-02).
 */
export function nondeterministicCall(request: JsonRpcRequest, counter: CallCounter): JsonRpcRequest {
  if (request.method !== 'eth_call') return request;
  const named = stateBlockParam(request);
  if (named === undefined || named.block === undefined || named.block === 'latest') return request;
  counter.calls += 1;
  return counter.calls % 2 === 0 ? withStateBlock(request, named.index, 'latest') : request;
}
