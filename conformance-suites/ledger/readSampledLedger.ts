import type { ChainAdapter } from '#core/adapter/ChainAdapter.ts';
import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import { activityOutcome } from './activityOutcome.ts';
import { createRpcLog, createRpcReader, type RpcLog, rpcEvidence } from './evm/createRpcReader.ts';
import {
  type BlocksWithReceipts,
  readBlocksWithReceipts,
  recentBlockNumbers,
} from './evm/readBlocksWithReceipts.ts';
import { type LedgerActivity, ledgerActivityFixture, ownBlockNumbers } from './ledgerActivityFixture.ts';

/** What the ledger-recomputation checks judge: their own activity and the sampled blocks with receipts. */
export type SampledLedger =
  | { readonly ok: false; readonly outcome: CheckOutcome }
  | {
      readonly ok: true;
      readonly activity: Extract<LedgerActivity, { ok: true }>;
      /** Blocks holding the step's own transactions, ascending. */
      readonly own: readonly bigint[];
      /** The block numbers read: the own blocks and the last `ledgerSampleBlocks`, ascending. */
      readonly numbers: readonly bigint[];
      readonly read: BlocksWithReceipts;
      /** Every exchange, for the evidence. */
      readonly log: RpcLog;
    };

/**
 * The common start of LED-11/12/13: make (or reuse) the step's ledger activity, then read the blocks
 * holding it and the last `ledgerSampleBlocks` blocks with all their receipts. When the activity could
 * not be made, or the node does not name its recent blocks, the check's verdict is already known.
 */
export async function readSampledLedger(
  ctx: {
    readonly adapter: Pick<ChainAdapter, 'info'> & { readonly rpc: NonNullable<ChainAdapter['rpc']> };
    readonly params: { readonly ledgerSampleBlocks: number };
    fixture(definition: typeof ledgerActivityFixture): Promise<LedgerActivity>;
  },
  neededFor: string,
): Promise<SampledLedger> {
  const activity = await ctx.fixture(ledgerActivityFixture);
  if (!activity.ok) return { ok: false, outcome: activityOutcome(activity, neededFor) };
  const log = createRpcLog();
  const reader = createRpcReader(ctx.adapter.rpc, 0, ctx.adapter.info.endpoint, log);
  const own = ownBlockNumbers(activity.transactions);
  const picked = await recentBlockNumbers(reader, ctx.params.ledgerSampleBlocks, own);
  if (!picked.ok)
    return { ok: false, outcome: { status: 'fail', summary: picked.problem, evidence: rpcEvidence(log) } };
  const read = await readBlocksWithReceipts(reader, picked.numbers);
  return { ok: true, activity, own, numbers: picked.numbers, read, log };
}
