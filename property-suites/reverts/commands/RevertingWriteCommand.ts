import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import type { PropertySystem } from '../../shared/PropertySystem.ts';
import type { RevertModel } from '../RevertModel.ts';
import { runRevertingCall } from '../runRevertingCall.ts';

/** Probe.writeThenRevert(v): writes slot 0 and emits Written(v), then reverts; neither may remain. */
export class RevertingWriteCommand implements PropertyCommand<RevertModel> {
  constructor(
    readonly from: number,
    readonly value: bigint,
  ) {}

  check(m: Readonly<RevertModel>): boolean {
    // A write of the value the slot already holds could not show a leak.
    return this.value !== m.value;
  }

  run(m: RevertModel, s: PropertySystem): Promise<void> {
    return runRevertingCall(m, s, {
      from: this.from,
      fn: 'writeThenRevert',
      args: [this.value],
      label: this.toString(),
    });
  }

  step(): CommandStep {
    return { name: 'RevertingWrite', args: [this.from, String(this.value)] };
  }

  toString(): string {
    return `RevertingWrite(${this.from}, ${this.value})`;
  }
}
