import type { CommandStep } from '#core/checks/PropertyRunSchema.ts';
import type { PropertyCommand } from '../../shared/PropertyCommand.ts';
import { type PropertySystem, startCommand } from '../../shared/PropertySystem.ts';
import { assertDeploymentsMatch } from '../assertDeploymentsMatch.ts';
import type { DeploymentModel } from '../DeploymentModel.ts';
import { assertCodeAt } from '../readCode.ts';

/**
 * Reads an earlier deployment's code at its creation block (index modulo the deployments so far):
 * the code as of that block must stay what it was, however the chain moved on.
 */
export class ReadCodeCommand implements PropertyCommand<DeploymentModel> {
  constructor(readonly index: number) {}

  check(m: Readonly<DeploymentModel>): boolean {
    return m.deployed.length > 0;
  }

  async run(m: DeploymentModel, s: PropertySystem): Promise<void> {
    startCommand(s);
    const label = this.toString();
    const contract = m.deployed[this.index % m.deployed.length]!;
    await assertCodeAt(
      s,
      { address: contract.address, block: contract.block, expected: m.runtimeCode },
      label,
    );
    await assertDeploymentsMatch(m, s, label);
  }

  step(): CommandStep {
    return { name: 'ReadCode', args: [this.index] };
  }

  toString(): string {
    return `ReadCode(${this.index})`;
  }
}
