import fc from 'fast-check';
import { openedHistory } from '../shared/openedHistory.ts';
import { AccountIndexArb, AmountArb, SenderReceiverArb } from './arbitraries.ts';
import { SelfTransferCommand } from './commands/SelfTransferCommand.ts';
import { TransferCommand } from './commands/TransferCommand.ts';
import type { TransferModel } from './model.ts';
import type { TransferSystem } from './TransferSystem.ts';

export type TransferCommands = Iterable<fc.AsyncCommand<TransferModel, TransferSystem>>;

/**
 * The command sequences of PROP-01, each opening with a transfer (shared/openedHistory.ts). `replayPath` is fast-check's hint for replaying a shrunk command
 * sequence together with `{ seed, path }`; without it a recorded path cannot be walked again.
 */
export function transferCommandsArb(
  maxCommands: number,
  replayPath?: string,
): fc.Arbitrary<TransferCommands> {
  const transfer = fc
    .record({ pair: SenderReceiverArb, amount: AmountArb })
    .map(({ pair, amount }) => new TransferCommand(pair.from, pair.to, amount));
  const selfTransfer = fc
    .record({ index: AccountIndexArb, amount: AmountArb })
    .map(({ index, amount }) => new SelfTransferCommand(index, amount));
  // Every history opens with a transfer: an empty one (a quarter of short histories) checks nothing.
  return openedHistory<TransferModel, TransferSystem>(
    transfer,
    [transfer, selfTransfer],
    maxCommands,
    replayPath,
  );
}
