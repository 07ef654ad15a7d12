import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { applyIncluded, assertAccountsMatch } from '../../shared/AccountsModel.ts';
import { includeTransaction } from '../../shared/includeTransaction.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import { identityAt, type PropertySystem, startCommand } from '../../shared/PropertySystem.ts';
import { assertReplayRefused } from '../assertReplayRefused.ts';
import type { ReplayModel } from '../ReplayModel.ts';

/**
 * A new transfer between two of the suite's accounts: included as the model says, then its identical
 * bytes are sent again at once and must be refused; it is kept to be replayed later too.
 */
export class FreshTransferCommand implements PropertyCommand<ReplayModel> {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly amount: bigint,
  ) {}

  check(m: Readonly<ReplayModel>): boolean {
    return m.balances[this.from]! >= this.amount + m.feeReserve;
  }

  async run(m: ReplayModel, s: PropertySystem): Promise<void> {
    startCommand(s);
    const label = this.toString();
    const to = identityAt(s, this.to, label);
    const signed = await s.adapter.transactions.sign(
      { kind: 'transfer', to: to.address, amount: this.amount },
      identityAt(s, this.from, label),
      { nonce: m.nonces[this.from]! },
    );
    const { outcome, fee } = await includeTransaction(s, signed, {
      label,
      status: 'success',
      before: { balance: m.balances[this.from]!, nonce: m.nonces[this.from]! },
    });
    applyIncluded(m, { from: this.from, to: this.to, value: this.amount, fee });
    m.included.push({ signed, blockHash: outcome.blockHash });
    await assertAccountsMatch(m, s, label);
    // Replayed at once too: the first moment a replay must be refused is right after inclusion.
    await assertReplayRefused(m, s, m.included.length - 1, label);
  }

  step(): CommandStep {
    return { name: 'FreshTransfer', args: [this.from, this.to, String(this.amount)] };
  }

  toString(): string {
    return `FreshTransfer(${this.from} → ${this.to}, ${this.amount} wei)`;
  }
}
