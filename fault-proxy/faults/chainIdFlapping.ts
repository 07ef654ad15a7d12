import type { FaultContext } from '../defineFault.ts';
import { type JsonRpcRequest, type JsonRpcResponse, jsonRpcResult } from '../JsonRpcMessage.ts';

/** The chain id the n-th eth_chainId answer carries (0-based): every second answer is the other pool's. */
export function flappingChainId(realChainId: bigint, callIndex: number): bigint {
  return callIndex % 2 === 0 ? realChainId : realChainId + 1n;
}

/**
 * chain-id-flapping: every second eth_chainId is answered with the chain id + 1, as a load balancer
 * does in front of two node pools configured with different chain ids (caught by API-08). Counts the
 * calls it sees while active; the chain itself is asked for the real id.
 */
export async function chainIdFlapping(
  request: JsonRpcRequest,
  { upstream, memory }: FaultContext,
): Promise<JsonRpcResponse | undefined> {
  if (request.method !== 'eth_chainId') return undefined;
  const calls = memory(() => ({ count: 0 }));
  const real = await upstream.call('eth_chainId', []);
  if (typeof real !== 'string') return undefined;
  const chainId = flappingChainId(BigInt(real), calls.count++);
  return jsonRpcResult(request.id, `0x${chainId.toString(16)}`);
}
