import { ModelMismatchError } from './ModelMismatchError.ts';
import { describeModel, type TransferModel } from './model.ts';
import type { TransferSystem } from './TransferSystem.ts';

/**
 * Every account's balance and committed nonce at the latest block must equal the model: a transfer
 * may change only its sender and receiver, by exactly the value and the fee (JR/T 0184-2020 10.1).
 */
export async function assertChainMatchesModel(
  model: TransferModel,
  system: TransferSystem,
  after: string,
): Promise<void> {
  const { accounts } = system;
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
  throw new ModelMismatchError(`after ${after}: ${wrong.join('; ')}`, describeModel(model), actual);
}
