import type { Identity, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import type { AdapterWith } from '#core/checks/AdapterWith.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { RpcTrace } from '../contracts/createRpcTrace.ts';
import type { Receipt } from '../contracts/jsonRpcShapes.ts';
import { submitAndRecord, unrecordedOutcome } from './submitAndRecord.ts';

/** A self-transfer of 0 from `account`, so the chain makes one more block (automine nodes make none unasked). */
export async function nudgeBlock(
  transactions: TransactionsApi,
  rpc: AdapterWith<'rpc.jsonrpc'>['rpc'],
  trace: RpcTrace,
  account: Identity,
  timeoutMs: number,
): Promise<
  { readonly ok: true; readonly receipt: Receipt } | { readonly ok: false; readonly outcome: CheckOutcome }
> {
  const signed = await transactions.sign({ kind: 'transfer', to: account.address, amount: 0n }, account);
  const sent = await submitAndRecord(transactions, rpc, trace, signed, timeoutMs);
  if (sent.kind === 'recorded') return { ok: true, receipt: sent.receipt };
  return {
    ok: false,
    outcome: unrecordedOutcome('the self-transfer sent to make a new block', sent, timeoutMs, {
      rpc: trace.exchanges(),
    }),
  };
}
