import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SelfTransferCommand } from './commands/SelfTransferCommand.ts';
import { TransferCommand } from './commands/TransferCommand.ts';
import { transferCommandsArb } from './commands.ts';
import type { TransferModel } from './model.ts';

const model = (balances: bigint[]): TransferModel => ({
  accounts: ['0xa', '0xb', '0xc'],
  balances,
  nonces: [0n, 0n, 0n],
  feeReserve: 100n,
});

describe('transfer commands', () => {
  it('run only when the sender can pay value plus the fee reserve', () => {
    expect(new TransferCommand(0, 1, 50n).check(model([150n, 0n, 0n]))).toBe(true);
    expect(new TransferCommand(0, 1, 51n).check(model([150n, 0n, 0n]))).toBe(false);
    expect(new SelfTransferCommand(2, 0n).check(model([0n, 0n, 99n]))).toBe(false);
    expect(new SelfTransferCommand(2, 0n).check(model([0n, 0n, 100n]))).toBe(true);
  });

  it('never treat a self-transfer as a TransferCommand', () => {
    expect(new TransferCommand(1, 1, 0n).check(model([10n ** 18n, 10n ** 18n, 0n]))).toBe(false);
  });

  it('print readable counterexamples', () => {
    expect(String(new TransferCommand(0, 2, 7n))).toBe('Transfer(0 → 2, 7 wei)');
    expect(String(new SelfTransferCommand(1, 0n))).toBe('SelfTransfer(1, 0 wei)');
  });

  it('generate the same sequences from the same seed, within maxCommands (replayable)', () => {
    const sample = (seed: number) =>
      fc.sample(transferCommandsArb(5), { seed, numRuns: 20 }).map((cmds) => [...cmds].map(String));
    expect(sample(7)).toEqual(sample(7));
    expect(sample(7).every((cmds) => cmds.length <= 5)).toBe(true);
    expect(
      sample(7)
        .flat()
        .some((c) => c.startsWith('SelfTransfer')),
    ).toBe(true);
  });
});
