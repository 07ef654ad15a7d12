import type { Identity, RawRpcApi, SignedTx, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import { createRpcTrace, type RpcTrace } from '../contracts/createRpcTrace.ts';
import type { RecordedTx } from '../contracts/sendAndRecord.ts';
import { readTransactionCopies, type TransactionCopies } from './readTransactionCopies.ts';
import { submitAndRecord, unrecordedOutcome } from './submitAndRecord.ts';

export type OwnSelfTransfer =
  /** It never made it onto the ledger with a receipt: the check's verdict, evidence included. */
  | { readonly kind: 'unrecorded'; readonly outcome: CheckOutcome }
  | {
      readonly kind: 'recorded';
      /** Records every exchange the check makes from here on, for its evidence. */
      readonly trace: RpcTrace;
      /** The signed bytes, as evidence of what the harness sent. */
      readonly signed: SignedTx;
      readonly sent: Extract<RecordedTx, { kind: 'recorded' }>;
      /** The transaction as read by hash and from its block. */
      readonly own: TransactionCopies;
    };

/**
 * The start of the checks that judge transaction objects (TX-01 sender present, TX-08 signature binds
 * sender): a 1-unit self-transfer from the step's account, signed and submitted, waited for, and read
 * back by hash and from the block its receipt names, every exchange in one trace.
 */
export async function readOwnSelfTransfer(
  adapter: { readonly transactions: TransactionsApi; readonly rpc: RawRpcApi },
  account: Identity,
  receiptTimeoutMs: number,
): Promise<OwnSelfTransfer> {
  const trace = createRpcTrace(adapter.rpc);
  const signed = await adapter.transactions.sign(
    { kind: 'transfer', to: account.address, amount: 1n },
    account,
  );
  const sent = await submitAndRecord(adapter.transactions, adapter.rpc, trace, signed, receiptTimeoutMs);
  if (sent.kind !== 'recorded') {
    return {
      kind: 'unrecorded',
      outcome: unrecordedOutcome("the check's self-transfer", sent, receiptTimeoutMs, {
        rpc: trace.exchanges(),
      }),
    };
  }
  return {
    kind: 'recorded',
    trace,
    signed,
    sent,
    own: await readTransactionCopies(trace, sent.txId, sent.receipt),
  };
}
