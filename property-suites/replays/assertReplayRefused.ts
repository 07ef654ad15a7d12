import { assertAccountsMatch } from '../shared/AccountsModel.ts';
import type { PropertySystem } from '../shared/PropertySystem.ts';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import type { ReplayModel } from './ReplayModel.ts';

/**
 * Sends the identical signed bytes of included transaction `index` again. The node must refuse them
 * (an acknowledgement is a fail even if nothing is included again: a client cannot tell it from an
 * accepted replay, as TX-02 judges), the original stays in its block, and no balance or nonce moves.
 */
export async function assertReplayRefused(
  model: ReplayModel,
  system: PropertySystem,
  index: number,
  label: string,
): Promise<void> {
  const { transactions } = system.adapter;
  const original = model.included[index]!;
  const answer = await transactions.submit(original.signed);
  if (answer.accepted) {
    throw new ModelMismatchError(
      `${label}: the node accepted a replay of included transaction ${original.signed.txId}`,
      { accepted: false },
      { accepted: true, txId: answer.txId },
    );
  }
  const outcome = await transactions.getOutcome(original.signed.txId);
  if (outcome === null || outcome.blockHash.toLowerCase() !== original.blockHash.toLowerCase()) {
    throw new ModelMismatchError(
      `${label}: after the replay, ${original.signed.txId} is no longer recorded in block ${original.blockHash}`,
      { blockHash: original.blockHash },
      { blockHash: outcome?.blockHash ?? null },
    );
  }
  await assertAccountsMatch(model, system, `${label} (replayed)`);
}
