import fc from 'fast-check';
import { AccountIndexArb, AmountArb, SenderReceiverArb } from './arbitraries.ts';
import { SelfTransferCommand } from './commands/SelfTransferCommand.ts';
import { TransferCommand } from './commands/TransferCommand.ts';
import type { TransferModel } from './model.ts';
import type { TransferSystem } from './TransferSystem.ts';

export type TransferCommands = Iterable<fc.AsyncCommand<TransferModel, TransferSystem>>;

/**
 * The command sequences of PROP-01. `replayPath` is fast-check's hint for replaying a shrunk command
 * sequence together with `{ seed, path }`; without it a recorded path cannot be walked again.
 */
export function transferCommandsArb(
  maxCommands: number,
  replayPath?: string,
): fc.Arbitrary<TransferCommands> {
  return fc.commands(
    [
      fc
        .record({ pair: SenderReceiverArb, amount: AmountArb })
        .map(({ pair, amount }) => new TransferCommand(pair.from, pair.to, amount)),
      fc
        .record({ index: AccountIndexArb, amount: AmountArb })
        .map(({ index, amount }) => new SelfTransferCommand(index, amount)),
    ],
    replayPath === undefined ? { maxCommands } : { maxCommands, replayPath },
  );
}
