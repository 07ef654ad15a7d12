import type { JsonRpcRequest } from '../JsonRpcMessage.ts';

/**
 * Position of the block parameter of the methods that read state at a block (ethereum/execution-apis:
 * eth_getBalance, eth_getCode, eth_getTransactionCount [address, block]; eth_getStorageAt, eth_getProof
 * [address, slot(s), block]; eth_call [transaction, block]).
 */
export const stateBlockParamIndex: Readonly<Record<string, number>> = {
  eth_getBalance: 1,
  eth_getCode: 1,
  eth_getTransactionCount: 1,
  eth_call: 1,
  eth_getStorageAt: 2,
  eth_getProof: 2,
};

/** The block a state read names (a number, a tag or an EIP-1898 object), or undefined when it names none. */
export function stateBlockParam(request: JsonRpcRequest): { index: number; block: unknown } | undefined {
  const index = stateBlockParamIndex[request.method];
  if (index === undefined || !Array.isArray(request.params)) return undefined;
  return { index, block: request.params[index] };
}

/** The request with its block parameter replaced. */
export function withStateBlock(request: JsonRpcRequest, index: number, block: unknown): JsonRpcRequest {
  const params = [...(request.params as unknown[])];
  params[index] = block;
  return { ...request, params };
}

/**
 * historical-state-reads-latest: state reads that name a past block (a number, "earliest", or an
 * EIP-1898 {blockNumber}/{blockHash} object) are executed at "latest" instead — a node without archive
 * state that silently ignores the block parameter (JR/T 0193-2020 6.7; caught by SC-09 and SC-10).
 */
export function historicalStateReadsLatest(request: JsonRpcRequest): JsonRpcRequest {
  const named = stateBlockParam(request);
  if (named === undefined) return request;
  const { block } = named;
  if (block === undefined || block === 'latest' || block === 'pending') return request;
  return withStateBlock(request, named.index, 'latest');
}
