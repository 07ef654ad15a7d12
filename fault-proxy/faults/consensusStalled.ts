import { keccak256 } from 'viem';
import {
  type JsonRpcRequest,
  type JsonRpcResponse,
  jsonRpcResult,
  positionalParam,
} from '../JsonRpcMessage.ts';

/**
 * consensus-stalled: eth_sendRawTransaction is acknowledged with keccak256(raw), the transaction's
 * hash, and never forwarded: the node keeps accepting transactions into its pool while no block
 * commits them, as on a BFT network that lost its quorum (caught by CON-03).
 */
export function consensusStalled(request: JsonRpcRequest): JsonRpcResponse | undefined {
  const raw = positionalParam(request, 0);
  if (request.method !== 'eth_sendRawTransaction' || typeof raw !== 'string' || !/^0x[0-9a-fA-F]*$/.test(raw))
    return undefined;
  return jsonRpcResult(request.id, keccak256(raw as `0x${string}`));
}
