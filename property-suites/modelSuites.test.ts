import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandStepSchema } from '#core/checks/PropertyRunSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { modelSuites } from './modelSuites.ts';
import { SameNonceCommand } from './nonces/commands/SameNonceCommand.ts';
import { ReplayCommand } from './replays/commands/ReplayCommand.ts';
import { RevertingWriteCommand } from './reverts/commands/RevertingWriteCommand.ts';
import type { PropertyCommand } from './shared/PropertyCommand.ts';
import { replayMetadata } from './shared/replayMetadata.ts';

const sample = (suiteIndex: number, seed: number) => {
  const suite = modelSuites[suiteIndex]!;
  return fc
    .sample(suite.commands(5), { seed, numRuns: 15 })
    .map((cmds) => [...cmds].map((c) => ('cmd' in c ? c.cmd : c) as PropertyCommand<object>));
};

describe('the model-based suites of issue 8', () => {
  it('have distinct check and catalogue ids', () => {
    expect(new Set(modelSuites.map((s) => s.checkId)).size).toBe(modelSuites.length);
    expect(modelSuites.map((s) => s.catalogueId)).toEqual([
      'PROP-02',
      'PROP-03',
      'PROP-04',
      'PROP-05',
      'PROP-06',
    ]);
  });

  it.each(modelSuites.map((s, i) => [s.checkId, i] as const))(
    '%s generates the same sequences from the same seed, within maxCommands (replayable)',
    (_, i) => {
      const strings = (seed: number) => sample(i, seed).map((cmds) => cmds.map(String));
      expect(strings(7)).toEqual(strings(7));
      expect(strings(7).every((cmds) => cmds.length <= 5)).toBe(true);
    },
  );

  it.each(modelSuites.map((s, i) => [s.checkId, i] as const))(
    '%s states each command as data that rebuilds the same command',
    (_, i) => {
      const suite = modelSuites[i]!;
      for (const command of sample(i, 11).flat()) {
        const step = command.step();
        expect(CommandStepSchema.parse(JSON.parse(JSON.stringify(step)))).toEqual(step);
        expect(String(suite.commandFromStep(step))).toBe(String(command));
      }
    },
  );

  it('refuses a recorded step that is not the suite’s, or has the wrong arguments, with a ConfigError', () => {
    const [storage] = modelSuites;
    expect(() => storage!.commandFromStep({ name: 'Deploy', args: [0] })).toThrow(ConfigError);
    expect(() => storage!.commandFromStep({ name: 'Set', args: [0, 'x'] })).toThrow(/does not fit Set/);
    expect(() => storage!.commandFromStep({ name: 'Set', args: [-1, '5'] })).toThrow(ConfigError);
  });

  it('run a command only where the model allows it', () => {
    const accounts = {
      accounts: ['0xa', '0xb', '0xc'],
      balances: [10n ** 18n, 0n, 0n],
      nonces: [0n, 0n, 0n],
    };
    expect(new ReplayCommand(0).check({ ...accounts, feeReserve: 1n, included: [] })).toBe(false);
    expect(
      new RevertingWriteCommand(0, 5n).check({ ...accounts, contract: '0xp', value: 5n, stored: 0n }),
    ).toBe(false);
    expect(new SameNonceCommand(0, 1, 1, 1n).check({ ...accounts, feeReserve: 1n })).toBe(false);
    expect(new SameNonceCommand(0, 1, 2, 1n).check({ ...accounts, feeReserve: 1n })).toBe(true);
  });

  it('unwraps the commands fast-check ran and reads their replayPath', () => {
    const [commands] = fc.sample(modelSuites[4]!.commands(3), { seed: 3, numRuns: 1 });
    const all = [...(commands ?? [])];
    for (const wrapper of all) Object.assign(wrapper, { hasRan: true });
    const ran = replayMetadata(commands ?? []);
    expect(ran.commands.map(String)).toEqual(all.map(String));
    expect(ran.replayPath).toMatch(/^[A-Za-z0-9+/=:]*$/);
  });
});
