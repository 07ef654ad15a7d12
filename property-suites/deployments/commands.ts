import fc from 'fast-check';
import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { openedHistory } from '../shared/openedHistory.ts';
import type { PropertyCommand } from '../shared/PropertyCommand.ts';
import type { PropertySystem } from '../shared/PropertySystem.ts';
import { stepArgs } from '../shared/stepArgs.ts';
import { DeployCommand } from './commands/DeployCommand.ts';
import { ReadCodeCommand } from './commands/ReadCodeCommand.ts';
import type { DeploymentModel } from './DeploymentModel.ts';

/** Two deployers, so CREATE addresses of two senders interleave. */
export const deploymentAccountCount = 2;

export function deploymentCommandsArb(
  maxCommands: number,
  replayPath?: string,
): fc.Arbitrary<Iterable<fc.AsyncCommand<DeploymentModel, PropertySystem>>> {
  const commands = [
    fc.integer({ min: 0, max: deploymentAccountCount - 1 }).map((from) => new DeployCommand(from)),
    fc.nat({ max: 7 }).map((index) => new ReadCodeCommand(index)),
  ];
  // Every history opens with a deployment.
  return openedHistory(commands[0]!, commands, maxCommands, replayPath);
}

/** The deployment command a recorded step names. */
export function deploymentCommandFromStep(step: CommandStep): PropertyCommand<DeploymentModel> {
  switch (step.name) {
    case 'Deploy': {
      const [from] = stepArgs(step, 'Deploy', ['int']);
      return new DeployCommand(from);
    }
    case 'ReadCode': {
      const [index] = stepArgs(step, 'ReadCode', ['int']);
      return new ReadCodeCommand(index);
    }
    default:
      throw new ConfigError(
        `recorded step "${step.name}" is not a command of the deployment suite (Deploy, ReadCode)`,
      );
  }
}
