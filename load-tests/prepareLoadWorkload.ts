import { loadProbeArtifact } from '#conformance/contracts/loadProbeArtifact.ts';
import type { ChainAdapter, Identity, TxIntent } from '#core/adapter/ChainAdapter.ts';
import { ConfigError } from '#core/errors/ConfigError.ts';
import { TargetError } from '#core/errors/TargetError.ts';
import { loadTransferAmount } from './presignTransfers.ts';

/** Gas of a Probe.set call (a warm SSTORE ≈ 27k in total); fixed, so nothing is estimated during a run. */
const contractWriteGas = 60_000n;
/** Deployment gas of the Probe contract (its init code needs ≈ 120k). */
const deployGas = 500_000n;
/** Receipts read at once when a contract workload's inclusions are verified (untimed, after the window). */
const receiptConcurrency = 32;
const maxFailureMessages = 5;

export type LoadWorkloadKind = 'transfer' | 'contract-write';

export interface LoadWorkload {
  readonly kind: LoadWorkloadKind;
  /** What the j-th transaction of a shard does. */
  intent(j: number): TxIntent;
  /** Fixed gas, where the intent kind's default would overstate it. */
  readonly gasLimit?: bigint;
  /**
   * Which included transactions did not do what they were sent to do (receipt status 0); read after
   * the measured window. Absent: inclusion is success (a native transfer cannot half-succeed).
   */
  failedAmong?(
    txIds: readonly string[],
  ): Promise<{ readonly failed: ReadonlySet<string>; readonly messages: string[] }>;
}

/**
 * The logic of one load transaction, chosen by loadWorkload: a native transfer back to the shard's
 * first sender, or a storage write (Probe.set(j)) in a Probe contract the shard deploys before its
 * clock starts, the shape of Caliper's `simple` open/transfer (one SSTORE per transaction; Probe
 * rewrites one slot where `simple` writes a fresh mapping entry, so `simple` costs ≈ 20k gas more).
 * A write counts as committed only when its receipt says it succeeded.
 */
export async function prepareLoadWorkload(
  kind: LoadWorkloadKind,
  adapter: Pick<ChainAdapter, 'transactions' | 'capabilities'>,
  senders: readonly Identity[],
  receiptTimeoutMs = 30_000,
): Promise<LoadWorkload> {
  const first = senders[0]!;
  if (kind === 'transfer') {
    return { kind, intent: () => ({ kind: 'transfer', to: first.address, amount: loadTransferAmount }) };
  }
  const transactions = adapter.transactions;
  if (!transactions || !adapter.capabilities.has('contract.evm')) {
    throw new ConfigError(
      'loadWorkload "contract-write" needs an adapter that deploys EVM contracts (contract.evm); use loadWorkload "transfer" on this target',
    );
  }
  const artifact = loadProbeArtifact();
  const deploy = await transactions.sign(
    { kind: 'deploy', artifact: { runtime: 'evm', code: artifact.bytecode, abi: artifact.abi } },
    first,
    { gasLimit: deployGas },
  );
  const submitted = await transactions.submit(deploy);
  if (!submitted.accepted) {
    throw new TargetError(
      `the load workload's contract deployment was refused: ${submitted.error.code} ${submitted.error.message}`,
    );
  }
  const outcome = await transactions.awaitOutcome(submitted.txId, receiptTimeoutMs);
  if (outcome?.status !== 'success' || outcome.contractAddress === null) {
    throw new TargetError(
      `the load workload's contract deployment ${submitted.txId} ${outcome === null ? `is not on the ledger after ${receiptTimeoutMs} ms` : 'did not create a contract'}`,
    );
  }
  const address = outcome.contractAddress;
  return {
    kind,
    gasLimit: contractWriteGas,
    intent: (j) => ({
      kind: 'invoke',
      contract: address,
      abi: artifact.abi,
      method: 'set',
      args: [BigInt(j + 1)],
    }),
    async failedAmong(txIds) {
      const failed = new Set<string>();
      const messages: string[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(receiptConcurrency, txIds.length) }, async () => {
          while (next < txIds.length) {
            const id = txIds[next++]!;
            const receipt = await transactions.getOutcome(id);
            if (receipt?.status === 'success') continue;
            failed.add(id);
            if (messages.length < maxFailureMessages)
              messages.push(
                `${id}: ${receipt === null ? 'included but no receipt' : `receipt status ${receipt.status}`}`,
              );
          }
        }),
      );
      return { failed, messages };
    },
  };
}
