import type { RpcOutcome, SubmitOutcome } from '#core/adapter/ChainAdapter.ts';
import { parseRpcResult } from './parseRpcResult.ts';
import { Hash32Schema } from './RpcSchemas.ts';

/**
 * What an eth_sendRawTransaction answer means, for the adapter's `submit` and the load generator's
 * raw submitter alike: a JSON-RPC error is a refusal (naming the transaction when its data carries
 * `txHash`, as geth's "already known" does), an HTTP error a refusal with the status, and a result
 * must be a 32-byte hash (anything else is a malformed answer, thrown by parseRpcResult).
 */
export function submitOutcomeOf(outcome: RpcOutcome, endpoint: string): SubmitOutcome {
  if (outcome.kind === 'error') {
    const data = outcome.error.data as { txHash?: unknown } | undefined;
    const named = Hash32Schema.safeParse(data?.txHash);
    return {
      accepted: false,
      error: outcome.error,
      ...(named.success ? { reportedTxId: named.data.toLowerCase() } : {}),
    };
  }
  if (outcome.kind === 'http-error') {
    return {
      accepted: false,
      error: { code: `HTTP ${outcome.httpStatus}`, message: outcome.body.slice(0, 200) },
    };
  }
  return {
    accepted: true,
    txId: parseRpcResult(Hash32Schema, outcome.result, 'eth_sendRawTransaction', endpoint).toLowerCase(),
  };
}
