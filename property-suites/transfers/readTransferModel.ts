import type { TransferModel } from './model.ts';
import type { TransferSystem } from './TransferSystem.ts';

/**
 * The model at the start of a run, read from the chain: runs share one chain whose state moves on
 * (earlier runs and shrinks spent fees and nonces), so each run starts from what is there now.
 */
export async function readTransferModel(system: TransferSystem, feeReserve: bigint): Promise<TransferModel> {
  const { accounts } = system;
  const balances = await Promise.all(system.identities.map((a) => accounts.getBalance(a.address)));
  const nonces = await Promise.all(system.identities.map((a) => accounts.getNonce(a.address, 'latest')));
  return { accounts: system.identities.map((a) => a.address), balances, nonces, feeReserve };
}
