import { probeIntent } from '#conformance/contracts/probeCalls.ts';
import { expectedProbeEvents } from '#conformance/events/probeEventLogs.ts';
import type { Hex } from '#core/adapter/ChainAdapter.ts';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { applyIncluded } from '../../shared/AccountsModel.ts';
import { includeTransaction } from '../../shared/includeTransaction.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import { identityAt, type PropertySystem, startCommand } from '../../shared/PropertySystem.ts';
import { assertStorageMatches } from '../assertStorageMatches.ts';
import { recordReceiptLogs } from '../recordReceiptLogs.ts';
import type { StorageModel } from '../StorageModel.ts';

/** Enough for emitEvents(tag, 3): four logs with two indexed topics each. */
const emitGas = 250_000n;

/**
 * Probe.emitEvents(tag, count): `count` Ping events then one Pong, which the receipt must hold exactly
 * as the harness computes them from Probe.sol and eth_getLogs must then return.
 */
export class EmitCommand implements PropertyCommand<StorageModel> {
  constructor(
    readonly from: number,
    readonly count: number,
  ) {}

  check(): boolean {
    return true;
  }

  async run(m: StorageModel, s: PropertySystem): Promise<void> {
    startCommand(s);
    const label = this.toString();
    const identity = identityAt(s, this.from, label);
    const signed = await s.adapter.transactions.sign(
      probeIntent(m.contract, 'emitEvents', [m.tag, BigInt(this.count)]),
      identity,
      { nonce: m.nonces[this.from]!, gasLimit: emitGas },
    );
    const { outcome, fee } = await includeTransaction(s, signed, {
      label,
      status: 'success',
      before: { balance: m.balances[this.from]!, nonce: m.nonces[this.from]! },
    });
    applyIncluded(m, { from: this.from, value: 0n, fee });
    recordReceiptLogs(m, outcome, expectedProbeEvents(m.contract as Hex, m.tag, this.count), label);
    await assertStorageMatches(m, s, label);
  }

  step(): CommandStep {
    return { name: 'Emit', args: [this.from, this.count] };
  }

  toString(): string {
    return `Emit(${this.from}, ${this.count} pings)`;
  }
}
