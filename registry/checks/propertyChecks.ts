import type { AnyCheck } from '#core/checks/defineCheck.ts';
import { propertyCrossEndpointHistory } from '#property/crossEndpoint/propertyCrossEndpointHistory.ts';
import { propertyDeploymentModel } from '#property/deployments/propertyDeploymentModel.ts';
import { propertyRpcRobustness } from '#property/fuzzing/propertyRpcRobustness.ts';
import { propertyNonceRaceModel } from '#property/nonces/propertyNonceRaceModel.ts';
import { propertyReplayModel } from '#property/replays/propertyReplayModel.ts';
import { propertyRevertModel } from '#property/reverts/propertyRevertModel.ts';
import { propertyContractStorageModel } from '#property/storage/propertyContractStorageModel.ts';

/**
 * The model-based property suites after PROP-01 (issue 8), in the order reports list them. Each
 * derives and funds its own accounts from the property step's account, so none shares a nonce.
 */
export const propertyChecks: readonly AnyCheck[] = [
  propertyContractStorageModel,
  propertyDeploymentModel,
  propertyRevertModel,
  propertyNonceRaceModel,
  propertyReplayModel,
  propertyCrossEndpointHistory,
  propertyRpcRobustness,
];
