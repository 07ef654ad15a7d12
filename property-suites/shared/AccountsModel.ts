import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import type { PropertySystem } from './PropertySystem.ts';

/**
 * Balances and nonces of a suite's accounts as the chain must report them at the latest block if
 * every included transaction was applied exactly once (JR/T 0184-2020 10.1; 0193-2020 6.9). Index `i`
 * belongs to `accounts[i]`; amounts in the chain's smallest native unit. Suites extend it.
 */
export interface AccountsModel {
  readonly accounts: readonly string[];
  readonly balances: bigint[];
  /** Transactions each account has had included (the next nonce it must use). */
  readonly nonces: bigint[];
}

/** The accounts part of a model at the start of a run, read from the chain (earlier runs moved it on). */
export async function readAccountsModel(system: PropertySystem): Promise<AccountsModel> {
  const { accounts } = system.adapter;
  const balances = await Promise.all(system.identities.map((a) => accounts.getBalance(a.address)));
  const nonces = await Promise.all(system.identities.map((a) => accounts.getNonce(a.address, 'latest')));
  return { accounts: system.identities.map((a) => a.address), balances, nonces };
}

/** Applies one included transaction: the sender pays value + fee and uses a nonce, the receiver gains value. */
export function applyIncluded(
  model: AccountsModel,
  move: { readonly from: number; readonly to?: number; readonly value: bigint; readonly fee: bigint },
): void {
  model.balances[move.from] = model.balances[move.from]! - move.value - move.fee;
  if (move.to !== undefined) model.balances[move.to] = model.balances[move.to]! + move.value;
  model.nonces[move.from] = model.nonces[move.from]! + 1n;
}

/** Balances and nonces rendered for evidence (JSON has no bigint). */
export function describeAccounts(model: AccountsModel): Record<string, { balance: string; nonce: string }> {
  return Object.fromEntries(
    model.accounts.map((address, i) => [
      address,
      { balance: String(model.balances[i]), nonce: String(model.nonces[i]) },
    ]),
  );
}

/**
 * Value conservation and nonce accounting: every account's balance and committed nonce at the latest
 * block equal the model (balance = model − value − gasUsed × effectiveGasPrice; nonce + 1 per
 * included transaction, and not otherwise).
 */
export async function assertAccountsMatch(
  model: AccountsModel,
  system: PropertySystem,
  after: string,
): Promise<void> {
  const { accounts } = system.adapter;
  const balances = await Promise.all(model.accounts.map((a) => accounts.getBalance(a)));
  const nonces = await Promise.all(model.accounts.map((a) => accounts.getNonce(a, 'latest')));
  const wrong = model.accounts.flatMap((address, i) => {
    const lines: string[] = [];
    if (balances[i] !== model.balances[i])
      lines.push(`${address} balance ${balances[i]}, model ${model.balances[i]}`);
    if (nonces[i] !== model.nonces[i]) lines.push(`${address} nonce ${nonces[i]}, model ${model.nonces[i]}`);
    return lines;
  });
  if (wrong.length === 0) return;
  const actual = Object.fromEntries(
    model.accounts.map((address, i) => [address, { balance: String(balances[i]), nonce: String(nonces[i]) }]),
  );
  throw new ModelMismatchError(`after ${after}: ${wrong.join('; ')}`, describeAccounts(model), actual);
}
