import fc from 'fast-check';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { openedHistory } from '../shared/openedHistory.ts';
import type { PropertyCommand } from '../shared/PropertyCommand.ts';
import type { PropertySystem } from '../shared/PropertySystem.ts';
import { stepArgs } from '../shared/stepArgs.ts';
import { BurstCommand } from './commands/BurstCommand.ts';
import { ReplaceCommand } from './commands/ReplaceCommand.ts';
import { SameNonceCommand } from './commands/SameNonceCommand.ts';
import type { NonceModel } from './NonceModel.ts';

/** Three accounts: a sender and two distinct receivers for the same nonce. */
export const nonceAccountCount = 3;
/** The most transfers one burst has pending at once. */
export const maxBurst = 4;
export const maxNonceAmount = 10n ** 12n;

const AccountArb = fc.integer({ min: 0, max: nonceAccountCount - 1 });
const AmountArb = fc.bigInt({ min: 0n, max: maxNonceAmount });

export function nonceCommandsArb(
  maxCommands: number,
  replayPath?: string,
): fc.Arbitrary<Iterable<fc.AsyncCommand<NonceModel, PropertySystem>>> {
  const commands = [
    fc
      .record({
        from: AccountArb,
        offset: fc.integer({ min: 1, max: nonceAccountCount - 1 }),
        count: fc.integer({ min: 2, max: maxBurst }),
        amount: AmountArb,
      })
      .map(
        ({ from, offset, count, amount }) =>
          new BurstCommand(from, (from + offset) % nonceAccountCount, count, amount),
      ),
    fc
      .record({ from: AccountArb, amount: AmountArb })
      .map(
        ({ from, amount }) =>
          new SameNonceCommand(from, (from + 1) % nonceAccountCount, (from + 2) % nonceAccountCount, amount),
      ),
    fc
      .record({
        from: AccountArb,
        offset: fc.integer({ min: 1, max: nonceAccountCount - 1 }),
        amount: AmountArb,
      })
      .map(
        ({ from, offset, amount }) => new ReplaceCommand(from, (from + offset) % nonceAccountCount, amount),
      ),
  ];
  // Every history opens with a same-nonce pair: the race every node must settle once.
  return openedHistory(commands[1]!, commands, maxCommands, replayPath);
}

/** The nonce-race command a recorded step names. */
export function nonceCommandFromStep(step: CommandStep): PropertyCommand<NonceModel> {
  switch (step.name) {
    case 'Burst': {
      const [from, to, count, amount] = stepArgs(step, 'Burst', ['int', 'int', 'int', 'bigint']);
      return new BurstCommand(from, to, count, amount);
    }
    case 'SameNonce': {
      const [from, firstTo, secondTo, amount] = stepArgs(step, 'SameNonce', ['int', 'int', 'int', 'bigint']);
      return new SameNonceCommand(from, firstTo, secondTo, amount);
    }
    case 'Replace': {
      const [from, to, amount] = stepArgs(step, 'Replace', ['int', 'int', 'bigint']);
      return new ReplaceCommand(from, to, amount);
    }
    default:
      throw new ConfigError(
        `recorded step "${step.name}" is not a command of the nonce-race suite (Burst, SameNonce, Replace)`,
      );
  }
}
