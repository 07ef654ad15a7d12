import fc from 'fast-check';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { openedHistory } from '../shared/openedHistory.ts';
import type { PropertyCommand } from '../shared/PropertyCommand.ts';
import type { PropertySystem } from '../shared/PropertySystem.ts';
import { stepArgs } from '../shared/stepArgs.ts';
import { EmitCommand } from './commands/EmitCommand.ts';
import { ReadPastCommand } from './commands/ReadPastCommand.ts';
import { SetCommand } from './commands/SetCommand.ts';
import type { StorageModel } from './StorageModel.ts';

/** Two accounts write the same slot, so a write attributed to the wrong account shows in balances. */
export const storageAccountCount = 2;

const AccountArb = fc.integer({ min: 0, max: storageAccountCount - 1 });
/** Slot values: small ones shrink well; 0 rewrites the slot to empty. */
const ValueArb = fc.bigInt({ min: 0n, max: 2n ** 64n });

export function storageCommandsArb(
  maxCommands: number,
  replayPath?: string,
): fc.Arbitrary<Iterable<fc.AsyncCommand<StorageModel, PropertySystem>>> {
  const commands = [
    fc.record({ from: AccountArb, value: ValueArb }).map(({ from, value }) => new SetCommand(from, value)),
    fc
      .record({ from: AccountArb, count: fc.integer({ min: 0, max: 3 }) })
      .map(({ from, count }) => new EmitCommand(from, count)),
    fc.nat({ max: 7 }).map((index) => new ReadPastCommand(index)),
  ];
  // Every history opens with events, so eth_getLogs always has logs of the run to return.
  return openedHistory(commands[1]!, commands, maxCommands, replayPath);
}

/** The storage command a recorded step names. */
export function storageCommandFromStep(step: CommandStep): PropertyCommand<StorageModel> {
  switch (step.name) {
    case 'Set': {
      const [from, value] = stepArgs(step, 'Set', ['int', 'bigint']);
      return new SetCommand(from, value);
    }
    case 'Emit': {
      const [from, count] = stepArgs(step, 'Emit', ['int', 'int']);
      return new EmitCommand(from, count);
    }
    case 'ReadPast': {
      const [index] = stepArgs(step, 'ReadPast', ['int']);
      return new ReadPastCommand(index);
    }
    default:
      throw new ConfigError(
        `recorded step "${step.name}" is not a command of the storage suite (Set, Emit, ReadPast)`,
      );
  }
}
