import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { loadProbeArtifact } from '../contracts/loadProbeArtifact.ts';
import { probeContractFixture } from '../contracts/probeContractFixture.ts';
import { probeUnavailable } from '../contracts/probeUnavailable.ts';
import { sendAndFollow } from './sendAndFollow.ts';

/** Fixed gas for the always-reverting call (no estimation of a call that always fails). */
const failCallGas = 100_000n;

/**
 * TX-05 — JR/T 0184-2020 10.7: records cover data changes that failed as well as those that
 * succeeded. On an EVM chain the on-ledger record of a failed transaction is its receipt with
 * `status` 0x0 (EIP-658, https://eips.ethereum.org/EIPS/eip-658).
 *
 * Comparison policy: the outcome must appear within `receiptTimeoutMs` and report failure; no
 * outcome and one reporting success are both fails. A node that answers the send with an error but
 * names the transaction is followed to the ledger (sendAndFollow). A refusal that names nothing
 * leaves nothing to inspect: inconclusive (`error`).
 */
export const txFailedLeavesReceipt = defineCheck({
  id: 'tx-failed-leaves-receipt',
  catalogueId: 'TX-05',
  kind: 'conformance',
  title: { zh: '失败交易留有记录', en: 'Failed transaction leaves a record' },
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm'],
  parameters: [receiptTimeoutMs],
  fixtures: [probeContractFixture],
  faults: ['failed-receipt-dropped', 'lying-receipts'],
  budget: () => [{ kind: 'call', count: 1 }],
  description:
    "Sends a call to the Probe contract's always-reverting fail() with fixed gas. Passes when its outcome " +
    'appears within receiptTimeoutMs and reports failure (reverted); a send answered with an error that names ' +
    'the transaction is followed to the ledger.',
  failsWhen: 'No outcome appears ("failed transaction left no record") or the outcome reports success.',
  async run({ adapter, params, account, fixture }) {
    const txs = adapter.transactions;
    const probe = await fixture(probeContractFixture);
    if (!probe.deployed) return probeUnavailable(probe);
    const signed = await txs.sign(
      { kind: 'invoke', contract: probe.address, abi: loadProbeArtifact().abi, method: 'fail', args: [] },
      account,
      { gasLimit: failCallGas },
    );
    const sent = await sendAndFollow(txs, signed);
    if (!sent.followed) {
      const { answer } = sent;
      return {
        status: 'error',
        summary: `the node refused the reverting call up front${answer.accepted ? '' : ` (${answer.error.code} "${answer.error.message}")`} without naming a transaction, so no on-ledger record can be inspected`,
        evidence: { probe: probe.address, raw: signed.raw, answer },
      };
    }
    const outcome = await txs.awaitOutcome(sent.txId, params.receiptTimeoutMs);
    const expected = { record: `present within ${params.receiptTimeoutMs} ms`, status: 'reverted' };
    const evidence = {
      probe: probe.address,
      call: 'fail()',
      txId: sent.txId,
      answer: sent.answer,
      receipt: outcome?.raw ?? null,
    };
    if (outcome === null) {
      return {
        status: 'fail',
        summary: `failed transaction left no record: nothing on the ledger for ${sent.txId} after ${params.receiptTimeoutMs} ms`,
        expected,
        actual: { record: null },
        evidence,
      };
    }
    const actual = { record: `block ${outcome.blockNumber}`, status: outcome.status };
    if (outcome.status !== 'reverted') {
      return {
        status: 'fail',
        summary: `the record of ${sent.txId} reports ${outcome.status} for a call that always reverts`,
        expected,
        actual,
        evidence,
      };
    }
    const followed = sent.answer.accepted
      ? ''
      : ' (the node answered the send with an error but recorded it)';
    return {
      status: 'pass',
      summary: `failed call ${sent.txId} recorded in block ${outcome.blockNumber} with status reverted${followed}`,
      expected,
      actual,
      evidence,
    };
  },
});
