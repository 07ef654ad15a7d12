import type { TransferModel } from './model.ts';
import type { TransferSystem } from './TransferSystem.ts';

/**
 * The model at the start of a run, read from the chain: runs share one chain whose state moves on
 * (earlier runs and shrinks spent gas and nonces), so each run starts from what is there now.
 */
export async function readTransferModel(
  system: TransferSystem,
  feeReserveWei: bigint,
): Promise<TransferModel> {
  const { transactions } = system;
  const balances = await Promise.all(system.accounts.map((a) => transactions.getBalance(a.address)));
  const nonces = await Promise.all(system.accounts.map((a) => transactions.getNonce(a.address, 'latest')));
  return { accounts: system.accounts.map((a) => a.address), balances, nonces, feeReserveWei };
}
