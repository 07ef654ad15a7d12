import type { ChainAdapter, Hex } from '#core/adapter/ChainAdapter.ts';
import { loadProbeArtifact } from './loadProbeArtifact.ts';

/** Deployment gas is fixed (no estimation): the probe's init code needs ≈ 120k. */
const deployGas = 500_000n;

export type ProbeDeployment =
  | { readonly deployed: true; readonly address: Hex; readonly txId: Hex }
  | {
      readonly deployed: false;
      readonly reason: string;
      readonly evidence: Readonly<Record<string, unknown>>;
    };

/**
 * Deploys a fresh Probe contract from the primary account (signDeploy → submit → waitForReceipt) and
 * confirms code is present at the new address. A chain that cannot deploy it does not get a verdict
 * on TX-05 or SC-01: callers report the returned reason as inconclusive.
 */
export async function deployProbe(adapter: ChainAdapter, timeoutMs: number): Promise<ProbeDeployment> {
  // Callers declare tx.clientSign, tx.receipts and contract.evm, so both APIs are present.
  const txs = adapter.transactions!;
  const contracts = adapter.contracts!;
  const signed = await txs.signDeploy({
    from: txs.primary,
    bytecode: loadProbeArtifact().bytecode,
    gas: deployGas,
  });
  const submitted = await txs.submit(signed.raw);
  if (!submitted.accepted) {
    return {
      deployed: false,
      reason: `probe deployment rejected: ${submitted.error.message}`,
      evidence: { deployTx: signed.txId, error: submitted.error },
    };
  }
  const receipt = await txs.waitForReceipt(submitted.txId, timeoutMs);
  if (receipt === null || receipt.status !== 'success' || receipt.contractAddress === null) {
    return {
      deployed: false,
      reason:
        receipt === null
          ? `probe deployment ${submitted.txId} has no receipt after ${timeoutMs} ms`
          : `probe deployment ${submitted.txId} did not create a contract (status ${receipt.status})`,
      evidence: { deployTx: submitted.txId, receipt: receipt?.raw ?? null },
    };
  }
  const code = await contracts.getCode(receipt.contractAddress);
  if (code === '0x') {
    return {
      deployed: false,
      reason: `no code at probe address ${receipt.contractAddress} after a successful deployment`,
      evidence: { deployTx: submitted.txId, receipt: receipt.raw },
    };
  }
  return { deployed: true, address: receipt.contractAddress, txId: submitted.txId };
}
