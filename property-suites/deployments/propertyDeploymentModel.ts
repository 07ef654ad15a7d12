import { defineCheck } from '#core/checks/defineCheck.ts';
import { modelParameters } from '../shared/modelParameters.ts';
import { propertyRequires } from '../shared/PropertySystem.ts';
import { runModelProperty } from '../shared/runModelProperty.ts';
import { suiteStepBudget } from '../shared/suiteStepBudget.ts';
import { deploymentSuite } from './deploymentSuite.ts';

/** PROP-03 — JR/T 0193-2020 6.3 (contract deployment) and 6.9 (accounting), under random histories. */
export const propertyDeploymentModel = defineCheck({
  id: 'property-deployment-model',
  catalogueId: 'PROP-03',
  kind: 'property',
  title: {
    zh: '合约部署地址、代码与费用符合模型',
    en: 'Contract deployments agree with a model of addresses, code and fees',
  },
  requires: [...propertyRequires, 'contract.evm'],
  parameters: modelParameters,
  faults: ['code-truncated', 'contract-address-misreported'],
  budget: (params) =>
    suiteStepBudget(
      deploymentSuite.accountCount,
      deploymentSuite.accountBudget(params.propertyNumRuns, params.propertyMaxCommands),
    ),
  description:
    'Random sequences of Probe deployments from two funded accounts and reads of earlier deployments at their creation ' +
    'block. After each: the deployment is included with the right sender and block, the receipt names the CREATE ' +
    'address of (sender, nonce), that address holds exactly the artifact’s runtime code from its block on and none the ' +
    'block before, every earlier deployment keeps its code, and balances and nonces equal the model (sender − ' +
    'gasUsed × effectiveGasPrice, nonce + 1).',
  failsWhen:
    'A receipt names another address, the code differs from the artifact (truncated, altered, missing) at any block, ' +
    'code appears before its creation, or a balance or nonce differs from the model.',
  run: (ctx) => runModelProperty(ctx, deploymentSuite),
});
