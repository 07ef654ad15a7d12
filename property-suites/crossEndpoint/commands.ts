import fc from 'fast-check';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { openedHistory } from '../shared/openedHistory.ts';
import type { PropertyCommand } from '../shared/PropertyCommand.ts';
import { stepArgs } from '../shared/stepArgs.ts';
import type { CrossEndpointModel } from './CrossEndpointModel.ts';
import type { CrossEndpointSystem } from './CrossEndpointSystem.ts';
import { ConflictCommand } from './commands/ConflictCommand.ts';
import { ReadCommand } from './commands/ReadCommand.ts';
import { TransferCommand } from './commands/TransferCommand.ts';

export const crossEndpointAccountCount = 3;
export const maxCrossEndpointAmount = 10n ** 12n;

type Command = PropertyCommand<CrossEndpointModel, CrossEndpointSystem>;

/**
 * Histories over a network of `endpoints` endpoints: transfers submitted through a random endpoint and
 * read back through another, reads through random endpoints, and double-spend attempts (one nonce,
 * two transfers, two endpoints at once). Every history opens with a transfer,
 * so even a one-command history crosses endpoints.
 */
export function crossEndpointCommandsArb(
  endpoints: number,
  maxCommands: number,
  replayPath?: string,
): fc.Arbitrary<Iterable<fc.AsyncCommand<CrossEndpointModel, CrossEndpointSystem>>> {
  const endpoint = fc.integer({ min: 0, max: Math.max(0, endpoints - 1) });
  const account = fc.integer({ min: 0, max: crossEndpointAccountCount - 1 });
  const transferArb: fc.Arbitrary<Command> = fc
    .record({
      from: account,
      shift: fc.integer({ min: 1, max: crossEndpointAccountCount - 1 }),
      amount: fc.bigInt({ min: 0n, max: maxCrossEndpointAmount }),
      via: endpoint,
      other: fc.integer({ min: 1, max: Math.max(1, endpoints - 1) }),
    })
    .map(
      ({ from, shift, amount, via, other }) =>
        new TransferCommand(
          from,
          (from + shift) % crossEndpointAccountCount,
          amount,
          via,
          (via + other) % endpoints,
        ),
    );
  const readArb: fc.Arbitrary<Command> = fc
    .record({ via: endpoint, account, pick: fc.nat({ max: 7 }), byHash: fc.boolean() })
    .map(({ via, account: a, pick, byHash }) => new ReadCommand(via, a, pick, byHash));
  const conflictArb: fc.Arbitrary<Command> = fc
    .record({
      from: account,
      amount: fc.bigInt({ min: 0n, max: maxCrossEndpointAmount }),
      a: endpoint,
      other: fc.integer({ min: 1, max: Math.max(1, endpoints - 1) }),
    })
    .map(({ from, amount, a, other }) => new ConflictCommand(from, amount, a, (a + other) % endpoints));
  return openedHistory(transferArb, [transferArb, readArb, conflictArb], maxCommands, replayPath);
}

/** The command a recorded step names. */
export function crossEndpointCommandFromStep(step: CommandStep): Command {
  switch (step.name) {
    case 'Transfer': {
      const [from, to, amount, via, readVia] = stepArgs(step, 'Transfer', [
        'int',
        'int',
        'bigint',
        'int',
        'int',
      ]);
      return new TransferCommand(from, to, amount, via, readVia);
    }
    case 'Read': {
      const byHash = step.args[3];
      const [via, account, pick] = stepArgs({ name: step.name, args: step.args.slice(0, 3) }, 'Read', [
        'int',
        'int',
        'int',
      ]);
      if (typeof byHash !== 'boolean' || step.args.length !== 4)
        throw new ConfigError(
          `recorded step Read(${step.args.join(', ')}) does not fit Read(int, int, int, boolean)`,
        );
      return new ReadCommand(via, account, pick, byHash);
    }
    case 'Conflict': {
      const [from, amount, a, b] = stepArgs(step, 'Conflict', ['int', 'bigint', 'int', 'int']);
      return new ConflictCommand(from, amount, a, b);
    }
    default:
      throw new ConfigError(
        `recorded step "${step.name}" is not a command of the cross-endpoint suite (Transfer, Read, Conflict)`,
      );
  }
}
