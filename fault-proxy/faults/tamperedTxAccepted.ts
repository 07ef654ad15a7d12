import { keccak256 } from 'viem';
import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { acknowledgeRawTx, rejectedRawTx } from './rejectedRawTx.ts';
import { isForeignChainId } from './wrongChainIdAccepted.ts';

/**
 * tampered-tx-accepted: any first submission the chain rejects for another reason than a foreign chain
 * id (a changed payload byte, a bad signature) is acknowledged (JR/T 0184-2020 10.1; caught by TX-04).
 * Replays and foreign chain ids are left to their own faults so each check fails under its own fault.
 */
export const tamperedTxAccepted: ResponseRewriter = (request, response, state) => {
  const raw = rejectedRawTx(request, response);
  if (raw === undefined) return response;
  if (state.sentRawTxHashes.has(keccak256(raw)) || isForeignChainId(raw, state.upstreamChainId))
    return response;
  return acknowledgeRawTx(response, raw);
};
