import { keccak256 } from 'viem';
import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { acknowledgeRawTx, rejectedRawTx } from './rejectedRawTx.ts';

/**
 * replay-accepted: a node that answers a resent transaction as if it were new has no replay
 * protection at the API (JR/T 0184-2020 6.3.2; caught by TX-02). Only bytes the proxy has already
 * seen qualify, so first submissions keep the chain's real verdict.
 */
export const replayAccepted: ResponseRewriter = (request, response, state) => {
  const raw = rejectedRawTx(request, response);
  if (raw === undefined || !state.sentRawTxHashes.has(keccak256(raw))) return response;
  return acknowledgeRawTx(response, raw);
};
