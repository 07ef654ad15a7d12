import type { ResponseRewriter } from '../ResponseRewriter.ts';
import { quantity } from './nodeDivergentStateRoot.ts';

/**
 * state-proof-forged: eth_getProof answers report a balance 1 unit above the one the proof nodes
 * commit to (a proof API serving a cached account next to the trie's nodes); the nodes are the
 * chain's (caught by LED-06, which verifies proofs against the state root).
 */
export const stateProofForged: ResponseRewriter = (request, response) => {
  if (request.method !== 'eth_getProof') return response;
  const proof = response.result;
  if (typeof proof !== 'object' || proof === null || !('balance' in proof)) return response;
  const record = proof as Record<string, unknown>;
  return { ...response, result: { ...record, balance: `0x${(quantity(record.balance) + 1n).toString(16)}` } };
};
