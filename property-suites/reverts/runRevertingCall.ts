import { ReceiptShape } from '#conformance/contracts/jsonRpcShapes.ts';
import { type ProbeFunction, probeIntent } from '#conformance/contracts/probeCalls.ts';
import { applyIncluded, assertAccountsMatch } from '../shared/AccountsModel.ts';
import { includeTransaction } from '../shared/includeTransaction.ts';
import { identityAt, type PropertySystem, startCommand } from '../shared/PropertySystem.ts';
import { readSlot } from '../shared/readSlot.ts';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import type { RevertModel } from './RevertModel.ts';

/** Enough for writeThenRevert's write and event before its REVERT (the gas is spent either way). */
const revertGas = 200_000n;

/**
 * Sends a Probe call that reverts and checks what a reverted transaction must leave: included with
 * status 0 and no logs, a non-zero fee charged (balance = model − gasUsed × effectiveGasPrice), nonce
 * + 1, and slots 0 and 1 unchanged at the latest block and at the transaction's block.
 */
export async function runRevertingCall(
  model: RevertModel,
  system: PropertySystem,
  call: {
    readonly from: number;
    readonly fn: ProbeFunction;
    readonly args: readonly bigint[];
    readonly label: string;
  },
): Promise<void> {
  startCommand(system);
  const { label } = call;
  const identity = identityAt(system, call.from, label);
  const signed = await system.adapter.transactions.sign(
    probeIntent(model.contract, call.fn, call.args),
    identity,
    {
      nonce: model.nonces[call.from]!,
      gasLimit: revertGas,
    },
  );
  const { outcome, fee } = await includeTransaction(system, signed, {
    label,
    status: 'reverted',
    before: { balance: model.balances[call.from]!, nonce: model.nonces[call.from]! },
  });
  const receipt = ReceiptShape.safeParse(outcome.raw);
  if (!receipt.success || receipt.data.logs.length > 0 || fee === 0n) {
    throw new ModelMismatchError(
      `${label}: the reverted transaction ${signed.txId} ${receipt.success && receipt.data.logs.length > 0 ? `kept ${receipt.data.logs.length} logs` : receipt.success ? 'was charged no fee' : 'has a malformed receipt'}`,
      { logs: 0, fee: '> 0' },
      { logs: receipt.success ? receipt.data.logs.length : 'malformed', fee: String(fee) },
    );
  }
  applyIncluded(model, { from: call.from, value: 0n, fee });
  for (const block of ['latest', outcome.blockNumber] as const) {
    const value = await readSlot(system, { slot: '0x0', getter: 'value', block }, label);
    const stored = await readSlot(system, { slot: '0x1', getter: 'get', block }, label);
    if (value !== model.value || stored !== model.stored) {
      throw new ModelMismatchError(
        `${label}: after the revert the Probe's slots at block ${block} are (${value}, ${stored}), expected unchanged (${model.value}, ${model.stored})`,
        { slot0: String(model.value), slot1: String(model.stored) },
        { slot0: String(value), slot1: String(stored) },
      );
    }
  }
  await assertAccountsMatch(model, system, label);
}
