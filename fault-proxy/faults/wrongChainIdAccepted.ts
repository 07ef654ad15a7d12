import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { acknowledgeRawTx, readRawTxChainId, rejectedRawTx } from './rejectedRawTx.ts';

/**
 * wrong-chain-id-accepted: a transaction signed for another chain (EIP-155) is acknowledged, as a node
 * without chain-id binding would (JR/T 0184-2020 6.3.2; caught by TX-03). Needs the chain's own id in
 * `state.upstreamChainId`; the proxy fetches it before calling this.
 */
export const wrongChainIdAccepted: ResponseRewriter = (request, response, state) => {
  const raw = rejectedRawTx(request, response);
  if (raw === undefined || !isForeignChainId(raw, state.upstreamChainId)) return response;
  return acknowledgeRawTx(response, raw);
};

/** True when the transaction names a chain id and it is not the chain's. */
export function isForeignChainId(raw: `0x${string}`, upstreamChainId: number | undefined): boolean {
  const chainId = readRawTxChainId(raw);
  return chainId !== undefined && upstreamChainId !== undefined && chainId !== upstreamChainId;
}
