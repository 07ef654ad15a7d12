import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import type { CrossEndpointModel } from '../CrossEndpointModel.ts';
import { type CrossEndpointSystem, endpointAt } from '../CrossEndpointSystem.ts';
import { assertConsistent, catchUp, readAround, transfer } from '../endpointOps.ts';

/**
 * A transfer between two suite accounts submitted through endpoint `via` (once it holds the
 * history's newest block), then read back through endpoint `readVia`: both accounts' state now and
 * at the transfer's block, its receipt, its block by number and by hash. The history so far must
 * stay consistent.
 */
export class TransferCommand implements PropertyCommand<CrossEndpointModel, CrossEndpointSystem> {
  constructor(
    readonly from: number,
    readonly to: number,
    readonly amount: bigint,
    readonly via: number,
    readonly readVia: number,
  ) {}

  check(m: Readonly<CrossEndpointModel>): boolean {
    return this.from !== this.to && m.balances[this.from]! >= this.amount + m.feeReserve;
  }

  async run(m: CrossEndpointModel, s: CrossEndpointSystem): Promise<void> {
    s.signal.throwIfAborted();
    s.commandsExecuted += 1;
    const label = this.toString();
    const via = endpointAt(s, this.via);
    const { reached } = await catchUp(m, s, via);
    if (reached) {
      const op = await transfer(m, s, via, { from: this.from, to: this.to, value: this.amount });
      assertConsistent(m, label);
      await readAround(m, s, endpointAt(s, this.readVia), op);
    }
    assertConsistent(m, label);
  }

  step(): CommandStep {
    return { name: 'Transfer', args: [this.from, this.to, String(this.amount), this.via, this.readVia] };
  }

  toString(): string {
    return `Transfer(${this.from} → ${this.to}, ${this.amount} wei, via endpoint ${this.via + 1}, read via endpoint ${this.readVia + 1})`;
  }
}
