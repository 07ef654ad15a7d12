import { contractCallDeterministic } from '#conformance/contracts/contractCallDeterministic.ts';
import { contractCodeMatchesArtifact } from '#conformance/contracts/contractCodeMatchesArtifact.ts';
import { contractDeployEfficiency } from '#conformance/contracts/contractDeployEfficiency.ts';
import { contractResourceLimits } from '#conformance/contracts/contractResourceLimits.ts';
import { contractStorageHistory } from '#conformance/contracts/contractStorageHistory.ts';
import { eventFilterLogsAgree } from '#conformance/events/eventFilterLogsAgree.ts';
import { eventLogsComplete } from '#conformance/events/eventLogsComplete.ts';
import { eventNewHeads } from '#conformance/events/eventNewHeads.ts';
import type { AnyCheck } from '#core/checks/defineCheck.ts';

/**
 * The contract and event checks added for the full profile (issue 7), in the order reports list them.
 * Event checks live here too: on EVM chains events are contract logs, and they share the Probe.
 */
export const contractChecks: readonly AnyCheck[] = [
  contractCallDeterministic,
  contractResourceLimits,
  contractDeployEfficiency,
  contractCodeMatchesArtifact,
  contractStorageHistory,
  eventLogsComplete,
  eventNewHeads,
  eventFilterLogsAgree,
];
