import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { defineFixture } from '#core/checks/defineFixture.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { loadProbeArtifact } from './loadProbeArtifact.ts';

/** Deployment gas is fixed (no estimation): the probe's init code needs ≈ 120k. */
const deployGas = 500_000n;

export type ProbeDeployment =
  | { readonly deployed: true; readonly address: string; readonly txId: string }
  | {
      readonly deployed: false;
      /**
       * What went wrong: the node refused the deployment or there is no account (nothing was tried on
       * the ledger), or the ledger contradicts a deployment it accepted (lost, not created, no code).
       */
      readonly failure: 'no-account' | 'refused' | 'lost' | 'not-created' | 'no-code';
      readonly reason: string;
      readonly evidence: Readonly<Record<string, unknown>>;
    };

/**
 * The Probe contract (Probe.sol), deployed once per step from the step's account and shared by the
 * checks that call it (TX-05, SC-01..03, SC-09, SC-10, EV-01, EV-03). `failure` tells those checks what
 * the returned reason means: a refusal tried nothing on the ledger (inconclusive), a deployment the
 * ledger then contradicts is evidence (contracts/probeUnavailable.ts).
 */
export const probeContractFixture = defineFixture({
  id: 'probe-contract',
  description: 'the Probe contract deployed from the step account',
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm'],
  parameters: [receiptTimeoutMs],
  budget: () => [{ kind: 'deploy', count: 1 }],
  async create({ adapter, params, account }): Promise<ProbeDeployment> {
    if (account === undefined)
      return {
        deployed: false,
        failure: 'no-account',
        reason: 'the step has no account to deploy from',
        evidence: {},
      };
    const artifact = loadProbeArtifact();
    const signed = await adapter.transactions.sign(
      { kind: 'deploy', artifact: { runtime: 'evm', code: artifact.bytecode, abi: artifact.abi } },
      account,
      { gasLimit: deployGas },
    );
    const submitted = await adapter.transactions.submit(signed);
    if (!submitted.accepted) {
      return {
        deployed: false,
        failure: 'refused',
        reason: `probe deployment refused: ${submitted.error.code} ${submitted.error.message}`,
        evidence: { deployTx: signed.txId, error: submitted.error },
      };
    }
    const outcome = await adapter.transactions.awaitOutcome(submitted.txId, params.receiptTimeoutMs);
    if (outcome === null || outcome.status !== 'success' || outcome.contractAddress === null) {
      return {
        deployed: false,
        failure: outcome === null ? 'lost' : 'not-created',
        reason:
          outcome === null
            ? `probe deployment ${submitted.txId} is not on the ledger after ${params.receiptTimeoutMs} ms`
            : `probe deployment ${submitted.txId} did not create a contract (status ${outcome.status})`,
        evidence: { deployTx: submitted.txId, receipt: outcome?.raw ?? null },
      };
    }
    const code: Hex = await adapter.evm.getCode(outcome.contractAddress);
    if (code === '0x') {
      return {
        deployed: false,
        failure: 'no-code',
        reason: `no code at probe address ${outcome.contractAddress} after a successful deployment`,
        evidence: { deployTx: submitted.txId, receipt: outcome.raw },
      };
    }
    return { deployed: true, address: outcome.contractAddress, txId: submitted.txId };
  },
});
