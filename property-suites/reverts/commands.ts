import fc from 'fast-check';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { openedHistory } from '../shared/openedHistory.ts';
import type { PropertyCommand } from '../shared/PropertyCommand.ts';
import type { PropertySystem } from '../shared/PropertySystem.ts';
import { stepArgs } from '../shared/stepArgs.ts';
import { FailCommand } from './commands/FailCommand.ts';
import { RevertingWriteCommand } from './commands/RevertingWriteCommand.ts';
import type { RevertModel } from './RevertModel.ts';

export const revertAccountCount = 2;

const AccountArb = fc.integer({ min: 0, max: revertAccountCount - 1 });

export function revertCommandsArb(
  maxCommands: number,
  replayPath?: string,
): fc.Arbitrary<Iterable<fc.AsyncCommand<RevertModel, PropertySystem>>> {
  const commands = [
    fc
      .record({ from: AccountArb, value: fc.bigInt({ min: 1n, max: 2n ** 64n }) })
      .map(({ from, value }) => new RevertingWriteCommand(from, value)),
    AccountArb.map((from) => new FailCommand(from)),
  ];
  // Every history opens with a reverting write, the call that could leave state behind.
  return openedHistory(commands[0]!, commands, maxCommands, replayPath);
}

/** The revert command a recorded step names. */
export function revertCommandFromStep(step: CommandStep): PropertyCommand<RevertModel> {
  switch (step.name) {
    case 'RevertingWrite': {
      const [from, value] = stepArgs(step, 'RevertingWrite', ['int', 'bigint']);
      return new RevertingWriteCommand(from, value);
    }
    case 'Fail': {
      const [from] = stepArgs(step, 'Fail', ['int']);
      return new FailCommand(from);
    }
    default:
      throw new ConfigError(
        `recorded step "${step.name}" is not a command of the revert suite (RevertingWrite, Fail)`,
      );
  }
}
