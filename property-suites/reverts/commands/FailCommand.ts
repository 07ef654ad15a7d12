import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import type { PropertySystem } from '../../shared/PropertySystem.ts';
import type { RevertModel } from '../RevertModel.ts';
import { runRevertingCall } from '../runRevertingCall.ts';

/** Probe.fail(): reverts at once; still included, with status 0, and the fee charged. */
export class FailCommand implements PropertyCommand<RevertModel> {
  constructor(readonly from: number) {}

  check(): boolean {
    return true;
  }

  run(m: RevertModel, s: PropertySystem): Promise<void> {
    return runRevertingCall(m, s, { from: this.from, fn: 'fail', args: [], label: this.toString() });
  }

  step(): CommandStep {
    return { name: 'Fail', args: [this.from] };
  }

  toString(): string {
    return `Fail(${this.from})`;
  }
}
