import { assertChainMatchesModel } from './assertChainMatchesModel.ts';
import { ModelMismatchError } from './ModelMismatchError.ts';
import type { TransferModel } from './model.ts';
import type { TransferSystem } from './TransferSystem.ts';

const same = (a: string | null, b: string | null): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * Signs a transfer with the nonce the model expects, submits it, waits for its outcome, checks the
 * block the outcome names really holds it, applies it to the model and compares every account.
 * Shared by the transfer commands; `label` is the command's `toString()` for failure messages.
 */
export async function executeTransfer(
  model: TransferModel,
  system: TransferSystem,
  move: {
    readonly fromIndex: number;
    readonly toIndex: number;
    readonly amount: bigint;
    readonly label: string;
  },
): Promise<void> {
  system.signal.throwIfAborted();
  system.commandsExecuted += 1;
  const { transactions, ledger } = system;
  const from = system.identities[move.fromIndex];
  const to = system.identities[move.toIndex];
  if (!from || !to)
    throw new RangeError(`${move.label}: account index outside 0..${system.identities.length - 1}`);

  const signed = await transactions.sign({ kind: 'transfer', to: to.address, amount: move.amount }, from, {
    nonce: model.nonces[move.fromIndex]!,
  });
  const outcome = await transactions.submit(signed);
  if (!outcome.accepted) {
    throw new ModelMismatchError(
      `${move.label}: the node rejected a valid transfer (nonce ${signed.nonce}, funds cover value + fee): ${outcome.error.code} ${outcome.error.message}`,
      { accepted: true },
      { accepted: false, error: outcome.error },
    );
  }
  if (!same(outcome.txId, signed.txId)) {
    throw new ModelMismatchError(
      `${move.label}: the node acknowledged a different transaction id`,
      signed.txId,
      outcome.txId,
    );
  }
  const receipt = await transactions.awaitOutcome(signed.txId, system.receiptTimeoutMs);
  if (!receipt) {
    throw new ModelMismatchError(
      `${move.label}: accepted transaction ${signed.txId} is not on the ledger after ${system.receiptTimeoutMs} ms`,
      { receipt: 'present' },
      { receipt: null },
    );
  }
  if (receipt.status !== 'success' || !same(receipt.from, from.address) || !same(receipt.to, to.address)) {
    throw new ModelMismatchError(
      `${move.label}: receipt of ${signed.txId} does not describe the transfer`,
      { status: 'success', from: from.address, to: to.address },
      { status: receipt.status, from: receipt.from, to: receipt.to },
    );
  }
  // The receipt is the node's word; the block is the ledger's. Both must name the transaction.
  const block = await ledger.getBlock(receipt.blockNumber);
  if (!block || !same(block.hash, receipt.blockHash) || !block.txIds.some((id) => same(id, signed.txId))) {
    throw new ModelMismatchError(
      `${move.label}: block ${receipt.blockNumber} named by the receipt does not hold ${signed.txId}`,
      { blockHash: receipt.blockHash, contains: signed.txId },
      block ? { blockHash: block.hash, txIds: block.txIds } : { block: null },
    );
  }

  if (receipt.cost === undefined) {
    // Not the chain's fault: without the fee the model cannot be kept, so the run is inconclusive.
    throw new Error(
      `${move.label}: the outcome of ${signed.txId} states no cost, so balances cannot be modelled`,
    );
  }
  const fee = receipt.cost.total;
  model.balances[move.fromIndex] = model.balances[move.fromIndex]! - move.amount - fee;
  model.balances[move.toIndex] = model.balances[move.toIndex]! + move.amount;
  model.nonces[move.fromIndex] = model.nonces[move.fromIndex]! + 1n;
  await assertChainMatchesModel(model, system, move.label);
}
