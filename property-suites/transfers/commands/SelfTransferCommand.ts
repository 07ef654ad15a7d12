import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import { executeTransfer } from '../executeTransfer.ts';
import type { TransferModel } from '../model.ts';
import type { TransferSystem } from '../TransferSystem.ts';

/**
 * A transfer to oneself: the value nets out, so the account pays exactly the fee and uses one nonce.
 * An implementation that debits before crediting with separate reads gets this one wrong.
 */
export class SelfTransferCommand implements PropertyCommand<TransferModel, TransferSystem> {
  constructor(
    readonly index: number,
    readonly amount: bigint,
  ) {}

  check(m: Readonly<TransferModel>): boolean {
    return m.balances[this.index]! >= this.amount + m.feeReserve;
  }

  run(m: TransferModel, s: TransferSystem): Promise<void> {
    return executeTransfer(m, s, {
      fromIndex: this.index,
      toIndex: this.index,
      amount: this.amount,
      label: this.toString(),
    });
  }

  step(): CommandStep {
    return { name: 'SelfTransfer', args: [this.index, String(this.amount)] };
  }

  toString(): string {
    return `SelfTransfer(${this.index}, ${this.amount} wei)`;
  }
}
