import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import type { CrossEndpointModel } from '../CrossEndpointModel.ts';
import { type CrossEndpointSystem, endpointAt } from '../CrossEndpointSystem.ts';
import { conflictingTransfers } from '../conflictingTransfers.ts';
import { assertConsistent, catchUp, readAround, readReceipt } from '../endpointOps.ts';

/**
 * A double-spend attempt: account `from` signs two transfers of `amount` with the same nonce, to the
 * two other accounts, and submits them at once through endpoints `a` and `b`. Then, through each of
 * the two endpoints, the recorded one is read back and the other's receipt is looked up: at most one
 * may be on the ledger anywhere.
 */
export class ConflictCommand implements PropertyCommand<CrossEndpointModel, CrossEndpointSystem> {
  constructor(
    readonly from: number,
    readonly amount: bigint,
    readonly a: number,
    readonly b: number,
  ) {}

  check(m: Readonly<CrossEndpointModel>): boolean {
    return m.balances[this.from]! >= this.amount + m.feeReserve;
  }

  async run(m: CrossEndpointModel, s: CrossEndpointSystem): Promise<void> {
    s.signal.throwIfAborted();
    s.commandsExecuted += 1;
    const label = this.toString();
    const a = endpointAt(s, this.a);
    const b = endpointAt(s, this.b);
    const ready = [(await catchUp(m, s, a)).reached, (await catchUp(m, s, b)).reached];
    if (ready.every(Boolean)) {
      const ops = await conflictingTransfers(m, s, { from: this.from, value: this.amount, a, b });
      assertConsistent(m, label);
      for (const op of ops) {
        if (op.outcome.kind === 'included') await readAround(m, s, op.endpoint === a ? b : a, op);
        else if (op.outcome.kind === 'superseded')
          for (const e of [a, b]) if ((await catchUp(m, s, e)).reached) await readReceipt(m, s, e, op);
      }
    }
    assertConsistent(m, label);
  }

  step(): CommandStep {
    return { name: 'Conflict', args: [this.from, String(this.amount), this.a, this.b] };
  }

  toString(): string {
    return `Conflict(account ${this.from} spends ${this.amount} wei twice with one nonce, via endpoints ${this.a + 1} and ${this.b + 1})`;
  }
}
