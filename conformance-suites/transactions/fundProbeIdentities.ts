import type { Identity } from '#core/adapter/ChainAdapter.ts';
import type { AdapterWith } from '#core/checks/AdapterWith.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { RpcTrace } from '../contracts/createRpcTrace.ts';
import type { Receipt } from '../contracts/jsonRpcShapes.ts';
import { submitAndRecord, unrecordedOutcome } from './submitAndRecord.ts';
import { pendingNonce } from './transactionCount.ts';

export interface ProbeFunding {
  readonly identity: Identity;
  /** Native units to send it. */
  readonly amount: bigint;
}

export type FundingResult =
  | { readonly ok: true; readonly receipts: readonly Receipt[] }
  | { readonly ok: false; readonly outcome: CheckOutcome };

/**
 * Funds the throw-away identities a check probes with (nonce experiments must not block the step
 * account), from the step account: one transfer each, signed with consecutive nonces from the node's
 * pending count and submitted in order. Unlike the run's funding (core/run/fundIdentities.ts) it
 * never retries and never throws for a misbehaving chain: a transfer the node accepted but did not
 * record is the check's `fail` (a misreported nonce shows this way), a refusal its `error`.
 */
export async function fundProbeIdentities(
  adapter: AdapterWith<'account.fund' | 'rpc.jsonrpc'>,
  trace: RpcTrace,
  from: Identity,
  fundings: readonly ProbeFunding[],
  timeoutMs: number,
): Promise<FundingResult> {
  const nonce = await pendingNonce(trace, from.address);
  if (typeof nonce !== 'bigint') return { ok: false, outcome: nonce };
  const receipts: Receipt[] = [];
  for (const [i, funding] of fundings.entries()) {
    const signed = await adapter.transactions.sign(
      { kind: 'transfer', to: funding.identity.address, amount: funding.amount },
      from,
      { nonce: nonce + BigInt(i) },
    );
    const sent = await submitAndRecord(adapter.transactions, adapter.rpc, trace, signed, timeoutMs);
    const label = `the transfer funding probe account ${funding.identity.address} (nonce ${nonce + BigInt(i)}, from the node's pending count)`;
    if (sent.kind !== 'recorded') {
      return {
        ok: false,
        outcome: unrecordedOutcome(label, sent, timeoutMs, { rpc: trace.exchanges() }),
      };
    }
    if (sent.receipt.status !== '0x1') {
      return {
        ok: false,
        outcome: {
          status: 'fail',
          summary: `${label} was recorded with status ${sent.receipt.status}: a plain transfer from a funded account failed`,
          evidence: { txId: sent.txId, rpc: trace.exchanges() },
        },
      };
    }
    receipts.push(sent.receipt);
  }
  return { ok: true, receipts };
}
