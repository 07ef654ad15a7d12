import type fc from 'fast-check';
import { executeTransfer } from '../executeTransfer.ts';
import type { TransferModel } from '../model.ts';
import type { TransferSystem } from '../TransferSystem.ts';

/**
 * A transfer to oneself: the value nets out, so the account pays exactly the fee and uses one nonce.
 * An implementation that debits before crediting with separate reads gets this one wrong.
 */
export class SelfTransferCommand implements fc.AsyncCommand<TransferModel, TransferSystem> {
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

  toString(): string {
    return `SelfTransfer(${this.index}, ${this.amount} wei)`;
  }
}
