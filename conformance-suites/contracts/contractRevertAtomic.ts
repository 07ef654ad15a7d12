import type { Hex } from '#core/adapter/ChainAdapter.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { sendAndFollow } from '../transactions/sendAndFollow.ts';
import { loadProbeArtifact } from './loadProbeArtifact.ts';
import { probeContractFixture } from './probeContractFixture.ts';
import { probeUnavailable } from './probeUnavailable.ts';

/** Fixed gas: enough for the SSTORE + LOG + revert, and no estimation of a call that always reverts. */
const revertCallGas = 200_000n;
/** `uint256 public value` is the contract's first state variable: storage slot 0. */
const valueSlot: Hex = '0x0';
/** The value the reverted call tries to write: readable ASCII, so a leak is obvious in evidence. */
const attemptedWord =
  `0x${Buffer.from('chaineval SC-01 leaked write').toString('hex').padEnd(64, '0')}` as Hex;

/**
 * A storage word as a number. `0x` is a valid answer for an empty slot (ethereum/execution-apis
 * `bytes`; ganache answers it), and it means zero.
 */
function wordValue(word: Hex): bigint {
  return word === '0x' ? 0n : BigInt(word);
}

/**
 * SC-01 — JR/T 0184-2020 12.5: contract execution is atomic; a transaction that fails leaves no
 * partial effect. Probe.writeThenRevert(v) writes slot 0, emits Written(v) and then reverts, so on a
 * conforming chain slot 0 keeps its old value and the outcome carries no events (EVM: REVERT discards
 * the frame's state changes and logs, Yellow Paper §9.4.4 / EIP-140).
 *
 * Comparison policy: slot 0 is compared as a number (leading zeros and `0x` for empty ignored);
 * status must be reverted and events empty. With no outcome, a changed slot still fails; an unchanged
 * slot is inconclusive (`error`), since atomicity was not observed. A send answered with an error
 * that names the transaction is followed to the ledger.
 */
export const contractRevertAtomic = defineCheck({
  id: 'contract-revert-atomic',
  catalogueId: 'SC-01',
  kind: 'conformance',
  title: { zh: '合约回滚的原子性', en: 'Reverted contract call leaves no state or logs' },
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm'],
  parameters: [receiptTimeoutMs],
  fixtures: [probeContractFixture],
  faults: ['revert-leaks-state', 'lying-receipts'],
  budget: () => [{ kind: 'call', count: 1 }],
  description:
    'Reads storage slot 0 of the Probe contract, sends writeThenRevert(v) with fixed gas (the function stores v, ' +
    'emits Written(v), then reverts) and reads slot 0 again. Passes when the outcome status is reverted, it ' +
    'carries no events and slot 0 is unchanged.',
  failsWhen:
    'Slot 0 changed after the reverted call, the outcome carries events, or the outcome reports success.',
  async run({ adapter, params, account, fixture }) {
    const { transactions: txs, evm } = adapter;
    const probe = await fixture(probeContractFixture);
    if (!probe.deployed) return probeUnavailable(probe);
    const slotBefore = await evm.getStorageAt(probe.address, valueSlot);
    const signed = await txs.sign(
      {
        kind: 'invoke',
        contract: probe.address,
        abi: loadProbeArtifact().abi,
        method: 'writeThenRevert',
        args: [BigInt(attemptedWord)],
      },
      account,
      { gasLimit: revertCallGas },
    );
    const sent = await sendAndFollow(txs, signed);
    if (!sent.followed) {
      const { answer } = sent;
      return {
        status: 'error',
        summary: `the node refused the reverting call up front${answer.accepted ? '' : ` (${answer.error.code} "${answer.error.message}")`} without naming a transaction, so atomicity could not be observed`,
        evidence: { probe: probe.address, raw: signed.raw, answer },
      };
    }
    const outcome = await txs.awaitOutcome(sent.txId, params.receiptTimeoutMs);
    const slotAfter = await evm.getStorageAt(probe.address, valueSlot);
    const slotUnchanged = wordValue(slotAfter) === wordValue(slotBefore);
    const expected = { status: 'reverted', events: 0, slot0: slotBefore };
    const actual = {
      status: outcome?.status ?? null,
      events: outcome?.events.length ?? null,
      slot0: slotAfter,
    };
    const evidence = {
      probe: probe.address,
      call: `writeThenRevert(${attemptedWord})`,
      txId: sent.txId,
      answer: sent.answer,
      slot: valueSlot,
      slotBefore,
      slotAfter,
      receipt: outcome?.raw ?? null,
    };
    const problems: string[] = [];
    if (!slotUnchanged)
      problems.push(`slot 0 changed from ${slotBefore} to ${slotAfter} after a reverted call`);
    if (outcome !== null && outcome.status !== 'reverted') {
      problems.push(`the outcome reports ${outcome.status} for writeThenRevert, which always reverts`);
    }
    if (outcome !== null && outcome.events.length > 0) {
      problems.push(`the outcome carries ${outcome.events.length} event(s) from a reverted call`);
    }
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
    if (outcome === null) {
      return {
        status: 'error',
        summary: `nothing on the ledger for ${sent.txId} after ${params.receiptTimeoutMs} ms; slot 0 unchanged, but the revert was not observed`,
        expected,
        actual,
        evidence,
      };
    }
    return {
      status: 'pass',
      summary: `reverted call ${sent.txId} left slot 0 at ${slotBefore} and emitted no events`,
      expected,
      actual,
      evidence,
    };
  },
});
