import { probeIntent } from '#conformance/contracts/probeCalls.ts';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { applyIncluded } from '../../shared/AccountsModel.ts';
import { includeTransaction } from '../../shared/includeTransaction.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import { identityAt, type PropertySystem, startCommand } from '../../shared/PropertySystem.ts';
import { assertStorageMatches } from '../assertStorageMatches.ts';
import { recordReceiptLogs } from '../recordReceiptLogs.ts';
import type { StorageModel } from '../StorageModel.ts';

/** Probe.set writes slot 1 with a fixed gas limit (a fresh non-zero slot costs ≈ 43k). */
const setGas = 120_000n;

/** Probe.set(value) from one of the suite's accounts: slot 1 becomes `value`, no event. */
export class SetCommand implements PropertyCommand<StorageModel> {
  constructor(
    readonly from: number,
    readonly value: bigint,
  ) {}

  check(): boolean {
    return true;
  }

  async run(m: StorageModel, s: PropertySystem): Promise<void> {
    startCommand(s);
    const label = this.toString();
    const identity = identityAt(s, this.from, label);
    const signed = await s.adapter.transactions.sign(probeIntent(m.contract, 'set', [this.value]), identity, {
      nonce: m.nonces[this.from]!,
      gasLimit: setGas,
    });
    const { outcome, fee } = await includeTransaction(s, signed, {
      label,
      status: 'success',
      before: { balance: m.balances[this.from]!, nonce: m.nonces[this.from]! },
    });
    applyIncluded(m, { from: this.from, value: 0n, fee });
    recordReceiptLogs(m, outcome, [], label);
    m.stored = this.value;
    m.writes.push({ block: outcome.blockNumber, value: this.value });
    await assertStorageMatches(m, s, label);
  }

  step(): CommandStep {
    return { name: 'Set', args: [this.from, String(this.value)] };
  }

  toString(): string {
    return `Set(${this.from}, ${this.value})`;
  }
}
