import { loadProbeArtifact } from '#conformance/contracts/loadProbeArtifact.ts';
import { readAccountsModel } from '../shared/AccountsModel.ts';
import type { ModelSuite } from '../shared/ModelSuite.ts';
import { deploymentAccountCount, deploymentCommandFromStep, deploymentCommandsArb } from './commands.ts';
import type { DeploymentModel } from './DeploymentModel.ts';

/** PROP-03: deployments of the Probe artifact against a model of addresses, code, balances and nonces. */
export const deploymentSuite: ModelSuite<DeploymentModel> = {
  checkId: 'property-deployment-model',
  catalogueId: 'PROP-03',
  noun: 'contract deployments',
  accountCount: deploymentAccountCount,
  accountBudget: (numRuns, maxCommands) => [{ kind: 'deploy', count: numRuns * maxCommands * 2 }],
  commands: deploymentCommandsArb,
  commandFromStep: deploymentCommandFromStep,
  async initialModel(system) {
    return {
      ...(await readAccountsModel(system)),
      runtimeCode: loadProbeArtifact().deployedBytecode,
      deployed: [],
    };
  },
};
