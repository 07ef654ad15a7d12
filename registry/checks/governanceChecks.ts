import { consensusBlocksSealed } from '#conformance/governance/consensusBlocksSealed.ts';
import { consensusValidatorSet } from '#conformance/governance/consensusValidatorSet.ts';
import { contractDeployPermissioned } from '#conformance/governance/contractDeployPermissioned.ts';
import { contractFreezeLifecycle } from '#conformance/governance/contractFreezeLifecycle.ts';
import { contractUpgradeKeepsHistory } from '#conformance/governance/contractUpgradeKeepsHistory.ts';
import { govAccountFreeze } from '#conformance/governance/govAccountFreeze.ts';
import { govInterventionAuthorised } from '#conformance/governance/govInterventionAuthorised.ts';
import { govInterventionRecorded } from '#conformance/governance/govInterventionRecorded.ts';
import { govRoleSeparation } from '#conformance/governance/govRoleSeparation.ts';
import type { AnyCheck } from '#core/checks/defineCheck.ts';

/**
 * The capability-gated checks (issue 7): consensus and governance features a dev node lacks. They
 * skip with `unsupported-capability` unless the adapter is configured for the chain's consensus engine
 * and governance interface, and are tested against the permissioned-chain emulation (fault-proxy/emulation).
 */
export const governanceChecks: readonly AnyCheck[] = [
  consensusValidatorSet,
  consensusBlocksSealed,
  govAccountFreeze,
  govInterventionAuthorised,
  govInterventionRecorded,
  govRoleSeparation,
  contractDeployPermissioned,
  contractFreezeLifecycle,
  contractUpgradeKeepsHistory,
];
