import { assertAccountsMatch } from '../shared/AccountsModel.ts';
import type { PropertySystem } from '../shared/PropertySystem.ts';
import type { DeploymentModel } from './DeploymentModel.ts';
import { assertCodeAt } from './readCode.ts';

/**
 * After every command: each contract the run created still holds the artifact's runtime code at the
 * latest block (code is immutable without a governance act), and balances and nonces equal the model.
 */
export async function assertDeploymentsMatch(
  model: DeploymentModel,
  system: PropertySystem,
  after: string,
): Promise<void> {
  for (const contract of model.deployed) {
    await assertCodeAt(
      system,
      { address: contract.address, block: 'latest', expected: model.runtimeCode },
      after,
    );
  }
  await assertAccountsMatch(model, system, after);
}
