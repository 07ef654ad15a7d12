import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import { executeTransfer } from '../executeTransfer.ts';
import type { TransferModel } from '../model.ts';
import type { TransferSystem } from '../TransferSystem.ts';

/**
 * A value transfer between two of the suite's accounts: the sender pays value + gasUsed ×
 * effectiveGasPrice and its nonce moves by one, the receiver gains the value, nobody else changes.
 */
export class TransferCommand implements PropertyCommand<TransferModel, TransferSystem> {
  constructor(
    readonly fromIndex: number,
    readonly toIndex: number,
    readonly amount: bigint,
  ) {}

  check(m: Readonly<TransferModel>): boolean {
    return this.fromIndex !== this.toIndex && m.balances[this.fromIndex]! >= this.amount + m.feeReserve;
  }

  run(m: TransferModel, s: TransferSystem): Promise<void> {
    return executeTransfer(m, s, {
      fromIndex: this.fromIndex,
      toIndex: this.toIndex,
      amount: this.amount,
      label: this.toString(),
    });
  }

  step(): CommandStep {
    return { name: 'Transfer', args: [this.fromIndex, this.toIndex, String(this.amount)] };
  }

  toString(): string {
    return `Transfer(${this.fromIndex} → ${this.toIndex}, ${this.amount} wei)`;
  }
}
