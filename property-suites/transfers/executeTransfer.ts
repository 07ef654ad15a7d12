import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { assertChainMatchesModel } from './assertChainMatchesModel.ts';
import { ModelMismatchError } from './ModelMismatchError.ts';
import type { TransferModel } from './model.ts';
import type { TransferSystem } from './TransferSystem.ts';

const sameHex = (a: Hex | null, b: Hex | null): boolean =>
  (a ?? '').toLowerCase() === (b ?? '').toLowerCase();

/**
 * Signs a transfer with the nonce the model expects, submits it, waits for its receipt, checks the
 * block the receipt names really holds it, applies it to the model and compares every account.
 * Shared by the transfer commands; `label` is the command's `toString()` for failure messages.
 */
export async function executeTransfer(
  model: TransferModel,
  system: TransferSystem,
  move: {
    readonly fromIndex: number;
    readonly toIndex: number;
    readonly amountWei: bigint;
    readonly label: string;
  },
): Promise<void> {
  system.signal.throwIfAborted();
  system.commandsExecuted += 1;
  const { transactions, ledger } = system;
  const from = system.accounts[move.fromIndex];
  const to = system.accounts[move.toIndex];
  if (!from || !to)
    throw new RangeError(`${move.label}: account index outside 0..${system.accounts.length - 1}`);

  const signed = await transactions.signTransfer({
    from,
    to: to.address,
    valueWei: move.amountWei,
    nonce: model.nonces[move.fromIndex]!,
  });
  const outcome = await transactions.submit(signed.raw);
  if (!outcome.accepted) {
    throw new ModelMismatchError(
      `${move.label}: the node rejected a valid transfer (nonce ${signed.nonce}, funds cover value + fee): ${outcome.error.code} ${outcome.error.message}`,
      { accepted: true },
      { accepted: false, error: outcome.error },
    );
  }
  if (!sameHex(outcome.txId, signed.txId)) {
    throw new ModelMismatchError(
      `${move.label}: the node acknowledged a different transaction id`,
      signed.txId,
      outcome.txId,
    );
  }
  const receipt = await transactions.waitForReceipt(signed.txId, system.receiptTimeoutMs);
  if (!receipt) {
    throw new ModelMismatchError(
      `${move.label}: accepted transaction ${signed.txId} has no receipt after ${system.receiptTimeoutMs} ms`,
      { receipt: 'present' },
      { receipt: null },
    );
  }
  if (
    receipt.status !== 'success' ||
    !sameHex(receipt.from, from.address) ||
    !sameHex(receipt.to, to.address)
  ) {
    throw new ModelMismatchError(
      `${move.label}: receipt of ${signed.txId} does not describe the transfer`,
      { status: 'success', from: from.address, to: to.address },
      { status: receipt.status, from: receipt.from, to: receipt.to },
    );
  }
  // The receipt is the node's word; the block is the ledger's. Both must name the transaction.
  const block = await ledger.getBlock(receipt.blockNumber);
  if (
    !block ||
    !sameHex(block.hash, receipt.blockHash) ||
    !block.txIds.some((id) => sameHex(id, signed.txId))
  ) {
    throw new ModelMismatchError(
      `${move.label}: block ${receipt.blockNumber} named by the receipt does not hold ${signed.txId}`,
      { blockHash: receipt.blockHash, contains: signed.txId },
      block ? { blockHash: block.hash, txIds: block.txIds } : { block: null },
    );
  }

  const feeWei = receipt.gasUsed * receipt.effectiveGasPrice;
  model.balances[move.fromIndex] = model.balances[move.fromIndex]! - move.amountWei - feeWei;
  model.balances[move.toIndex] = model.balances[move.toIndex]! + move.amountWei;
  model.nonces[move.fromIndex] = model.nonces[move.fromIndex]! + 1n;
  await assertChainMatchesModel(model, system, move.label);
}
