import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CommandStepSchema } from '#core/checks/PropertyRunSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import type { PropertyCommand } from '../shared/PropertyCommand.ts';
import { TransferCommand } from './commands/TransferCommand.ts';
import { crossEndpointCommandFromStep, crossEndpointCommandsArb } from './commands.ts';

const sample = (endpoints: number, seed: number) =>
  fc
    .sample(crossEndpointCommandsArb(endpoints, 5), { seed, numRuns: 20 })
    .map((cmds) => [...cmds].map((c) => ('cmd' in c ? c.cmd : c) as PropertyCommand<object, unknown>));

describe('PROP-08 command histories', () => {
  it('are the same from the same seed, within maxCommands, and open with a transfer read through another endpoint', () => {
    const strings = (seed: number) => sample(3, seed).map((cmds) => cmds.map(String));
    expect(strings(7)).toEqual(strings(7));
    for (const cmds of sample(3, 7)) {
      expect(cmds.length).toBeGreaterThan(0);
      expect(cmds.length).toBeLessThanOrEqual(5);
      const [first] = cmds;
      expect(first).toBeInstanceOf(TransferCommand);
      const t = first as unknown as TransferCommand;
      expect(t.via).not.toBe(t.readVia);
      expect(t.from).not.toBe(t.to);
      expect(t.via).toBeLessThan(3);
    }
  });

  it('state each command as data that rebuilds the same command', () => {
    for (const command of sample(2, 11).flat()) {
      const step = command.step();
      expect(CommandStepSchema.parse(JSON.parse(JSON.stringify(step)))).toEqual(step);
      expect(String(crossEndpointCommandFromStep(step))).toBe(String(command));
    }
  });

  it('refuses a recorded step that is not the suite’s with a ConfigError', () => {
    expect(() => crossEndpointCommandFromStep({ name: 'Deploy', args: [0] })).toThrow(ConfigError);
    expect(() => crossEndpointCommandFromStep({ name: 'Read', args: [0, 1, 2, 'yes'] })).toThrow(
      /does not fit Read/,
    );
    expect(() => crossEndpointCommandFromStep({ name: 'Transfer', args: [0, 1, '5'] })).toThrow(
      /does not fit Transfer/,
    );
  });
});
