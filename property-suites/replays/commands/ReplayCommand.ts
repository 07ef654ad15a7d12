import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import { type PropertySystem, startCommand } from '../../shared/PropertySystem.ts';
import { assertReplayRefused } from '../assertReplayRefused.ts';
import type { ReplayModel } from '../ReplayModel.ts';

/**
 * Sends the identical signed bytes of an earlier included transaction of the run again (index modulo
 * the included ones), after other transactions moved the chain on: refused, nothing changes.
 */
export class ReplayCommand implements PropertyCommand<ReplayModel> {
  constructor(readonly index: number) {}

  check(m: Readonly<ReplayModel>): boolean {
    return m.included.length > 0;
  }

  async run(m: ReplayModel, s: PropertySystem): Promise<void> {
    startCommand(s);
    await assertReplayRefused(m, s, this.index % m.included.length, this.toString());
  }

  step(): CommandStep {
    return { name: 'Replay', args: [this.index] };
  }

  toString(): string {
    return `Replay(${this.index})`;
  }
}
