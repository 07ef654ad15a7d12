import fc from 'fast-check';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { openedHistory } from '../shared/openedHistory.ts';
import type { PropertyCommand } from '../shared/PropertyCommand.ts';
import type { PropertySystem } from '../shared/PropertySystem.ts';
import { stepArgs } from '../shared/stepArgs.ts';
import { FreshTransferCommand } from './commands/FreshTransferCommand.ts';
import { ReplayCommand } from './commands/ReplayCommand.ts';
import type { ReplayModel } from './ReplayModel.ts';

export const replayAccountCount = 2;
export const maxReplayAmount = 10n ** 12n;

export function replayCommandsArb(
  maxCommands: number,
  replayPath?: string,
): fc.Arbitrary<Iterable<fc.AsyncCommand<ReplayModel, PropertySystem>>> {
  const commands = [
    fc
      .record({
        from: fc.integer({ min: 0, max: replayAccountCount - 1 }),
        amount: fc.bigInt({ min: 0n, max: maxReplayAmount }),
      })
      .map(({ from, amount }) => new FreshTransferCommand(from, (from + 1) % replayAccountCount, amount)),
    fc.nat({ max: 7 }).map((index) => new ReplayCommand(index)),
  ];
  // Every history opens with a transfer, which is replayed at once.
  return openedHistory(commands[0]!, commands, maxCommands, replayPath);
}

/** The replay command a recorded step names. */
export function replayCommandFromStep(step: CommandStep): PropertyCommand<ReplayModel> {
  switch (step.name) {
    case 'FreshTransfer': {
      const [from, to, amount] = stepArgs(step, 'FreshTransfer', ['int', 'int', 'bigint']);
      return new FreshTransferCommand(from, to, amount);
    }
    case 'Replay': {
      const [index] = stepArgs(step, 'Replay', ['int']);
      return new ReplayCommand(index);
    }
    default:
      throw new ConfigError(
        `recorded step "${step.name}" is not a command of the replay suite (FreshTransfer, Replay)`,
      );
  }
}
