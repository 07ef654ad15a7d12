import type { CheckOutcome } from '#core/checks/CheckResultSchema.ts';
import type { ProbeDeployment } from './probeContractFixture.ts';

/**
 * The verdict of a check that needs the Probe contract when the step could not deploy it. A refused
 * deployment (or no account) tried nothing on the ledger: inconclusive, since a permissioned chain may
 * refuse the harness's key (SC-04 judges that). A deployment the node accepted but the ledger then
 * contradicts (lost, not created, no code) is itself evidence against the chain: `fail`.
 */
export function probeUnavailable(probe: Extract<ProbeDeployment, { deployed: false }>): CheckOutcome {
  if (probe.failure === 'refused' || probe.failure === 'no-account') {
    return { status: 'error', summary: `precondition: ${probe.reason}`, evidence: probe.evidence };
  }
  return {
    status: 'fail',
    summary: `the Probe contract the node accepted is not usable: ${probe.reason}`,
    evidence: probe.evidence,
  };
}
