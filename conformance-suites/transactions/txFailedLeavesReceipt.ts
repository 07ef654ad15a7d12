import { encodeFunctionData } from 'viem';
import { deployProbe } from '#conformance/contracts/deployProbe.ts';
import { loadProbeArtifact } from '#conformance/contracts/loadProbeArtifact.ts';
import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';

/** Fixed gas (no estimation: estimation of a call that always reverts fails before anything is sent). */
const failCallGas = 100_000n;

/**
 * TX-05 — JR/T 0184-2020 10.7: records cover data changes that failed as well as those that
 * succeeded. On an EVM chain the on-ledger record of a failed transaction is its receipt with
 * `status` 0x0 (EIP-658, https://eips.ethereum.org/EIPS/eip-658).
 *
 * Comparison policy: the receipt must appear within `receiptTimeoutMs` and report failure; no receipt
 * and a receipt reporting success are both fails. A submission refused up front leaves nothing to
 * inspect on the ledger and is reported as inconclusive (`error`).
 * Fault-proxy faults: `failed-receipt-dropped`, `lying-receipts`.
 */
export const txFailedLeavesReceipt: CheckDefinition = {
  id: 'tx-failed-leaves-receipt',
  catalogueId: 'TX-05',
  kind: 'conformance',
  title: { zh: '失败交易留有记录', en: 'Failed transaction leaves a record' },
  clauseIds: ['0184-10.7'],
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm'],
  description:
    'Deploys the Probe contract and sends a call to its always-reverting fail() with fixed gas. Passes when a ' +
    'receipt appears within receiptTimeoutMs and its status is failure (reverted).',
  failsWhen:
    'No receipt appears ("failed transaction left no record"; fault "failed-receipt-dropped") or the receipt ' +
    'reports success (fault "lying-receipts").',
  async run({ adapter, params }) {
    // `requires` guarantees the transactions API (ChainAdapter: optional parts match capabilities).
    const txs = adapter.transactions!;
    const probe = await deployProbe(adapter, params.receiptTimeoutMs);
    if (!probe.deployed)
      return { status: 'error', summary: `precondition: ${probe.reason}`, evidence: probe.evidence };
    const data = encodeFunctionData({ abi: loadProbeArtifact().abi, functionName: 'fail' });
    const signed = await txs.signCall({ from: txs.primary, to: probe.address, data, gas: failCallGas });
    const answer = await txs.submit(signed.raw);
    if (!answer.accepted) {
      return {
        status: 'error',
        summary: `the node refused the reverting call up front (${answer.error.code} "${answer.error.message}"), so no on-ledger record can be inspected`,
        evidence: { probe: probe.address, raw: signed.raw, answer },
      };
    }
    const receipt = await txs.waitForReceipt(answer.txId, params.receiptTimeoutMs);
    const expected = { receipt: `present within ${params.receiptTimeoutMs} ms`, status: 'reverted' };
    const evidence = {
      probe: probe.address,
      call: 'fail()',
      txId: answer.txId,
      receipt: receipt?.raw ?? null,
    };
    if (receipt === null) {
      return {
        status: 'fail',
        summary: `failed transaction left no record: no receipt for ${answer.txId} after ${params.receiptTimeoutMs} ms`,
        expected,
        actual: { receipt: null },
        evidence,
      };
    }
    const actual = { receipt: `block ${receipt.blockNumber}`, status: receipt.status };
    if (receipt.status !== 'reverted') {
      return {
        status: 'fail',
        summary: `receipt of ${answer.txId} reports ${receipt.status} for a call that always reverts`,
        expected,
        actual,
        evidence,
      };
    }
    return {
      status: 'pass',
      summary: `failed call ${answer.txId} recorded in block ${receipt.blockNumber} with status reverted`,
      expected,
      actual,
      evidence,
    };
  },
};
