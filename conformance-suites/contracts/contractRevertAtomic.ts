import { encodeFunctionData, hexToBigInt, stringToHex } from 'viem';
import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { deployProbe } from './deployProbe.ts';
import { loadProbeArtifact } from './loadProbeArtifact.ts';

/** Fixed gas: enough for the SSTORE + LOG + revert, and no estimation of a call that always reverts. */
const revertCallGas = 200_000n;
/** `uint256 public value` is the contract's first state variable: storage slot 0. */
const valueSlot = '0x0';
/** The value the reverted call tries to write: readable ASCII, so a leak is obvious in evidence. */
const attemptedWord = stringToHex('chaineval SC-01 leaked write', { size: 32 });
const attemptedValue = hexToBigInt(attemptedWord);

/**
 * SC-01 — JR/T 0184-2020 12.5: contract execution is atomic; a transaction that fails leaves no
 * partial effect. Probe.writeThenRevert(v) writes slot 0, emits Written(v) and then reverts, so on a
 * conforming chain slot 0 keeps its old value and the receipt carries no logs (EVM: REVERT discards
 * the frame's state changes and logs, Yellow Paper §9.4.4 / EIP-140).
 *
 * Comparison policy: slot 0 is compared byte for byte as a 32-byte word (leading zeros ignored);
 * status must be reverted and logs empty. With no receipt, a changed slot still fails; an unchanged
 * slot is inconclusive (`error`), since atomicity was not observed.
 * Fault-proxy faults: `revert-leaks-state` (and `lying-receipts` via the status).
 */
export const contractRevertAtomic: CheckDefinition = {
  id: 'contract-revert-atomic',
  catalogueId: 'SC-01',
  kind: 'conformance',
  title: { zh: '合约回滚的原子性', en: 'Reverted contract call leaves no state or logs' },
  clauseIds: ['0184-12.5'],
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm'],
  description:
    'Deploys the Probe contract, reads storage slot 0, sends writeThenRevert(v) with fixed gas (the function ' +
    'stores v, emits Written(v), then reverts) and reads slot 0 again. Passes when the receipt status is ' +
    'reverted, the receipt has no logs and slot 0 is unchanged.',
  failsWhen:
    'Slot 0 changed after the reverted call (fault "revert-leaks-state"), the receipt carries logs, or the ' +
    'receipt reports success (fault "lying-receipts").',
  async run({ adapter, params }) {
    // `requires` guarantees both APIs (ChainAdapter: optional parts match capabilities).
    const txs = adapter.transactions!;
    const contracts = adapter.contracts!;
    const probe = await deployProbe(adapter, params.receiptTimeoutMs);
    if (!probe.deployed)
      return { status: 'error', summary: `precondition: ${probe.reason}`, evidence: probe.evidence };
    const slotBefore = await contracts.getStorageAt(probe.address, valueSlot);
    const data = encodeFunctionData({
      abi: loadProbeArtifact().abi,
      functionName: 'writeThenRevert',
      args: [attemptedValue],
    });
    const signed = await txs.signCall({ from: txs.primary, to: probe.address, data, gas: revertCallGas });
    const answer = await txs.submit(signed.raw);
    if (!answer.accepted) {
      return {
        status: 'error',
        summary: `the node refused the reverting call up front (${answer.error.code} "${answer.error.message}"), so atomicity could not be observed`,
        evidence: { probe: probe.address, raw: signed.raw, answer },
      };
    }
    const receipt = await txs.waitForReceipt(answer.txId, params.receiptTimeoutMs);
    const slotAfter = await contracts.getStorageAt(probe.address, valueSlot);
    const slotUnchanged = hexToBigInt(slotAfter) === hexToBigInt(slotBefore);
    const expected = { status: 'reverted', logs: 0, slot0: slotBefore };
    const actual = { status: receipt?.status ?? null, logs: receipt?.logs.length ?? null, slot0: slotAfter };
    const evidence = {
      probe: probe.address,
      call: `writeThenRevert(${attemptedWord})`,
      txId: answer.txId,
      slot: valueSlot,
      slotBefore,
      slotAfter,
      receipt: receipt?.raw ?? null,
    };
    const problems: string[] = [];
    if (!slotUnchanged)
      problems.push(`slot 0 changed from ${slotBefore} to ${slotAfter} after a reverted call`);
    if (receipt !== null && receipt.status !== 'reverted') {
      problems.push(`receipt reports ${receipt.status} for writeThenRevert, which always reverts`);
    }
    if (receipt !== null && receipt.logs.length > 0) {
      problems.push(`receipt carries ${receipt.logs.length} log(s) from a reverted call`);
    }
    if (problems.length > 0)
      return { status: 'fail', summary: problems.join('; '), expected, actual, evidence };
    if (receipt === null) {
      return {
        status: 'error',
        summary: `no receipt for ${answer.txId} after ${params.receiptTimeoutMs} ms; slot 0 unchanged, but the revert was not observed`,
        expected,
        actual,
        evidence,
      };
    }
    return {
      status: 'pass',
      summary: `reverted call ${answer.txId} left slot 0 at ${slotBefore} and emitted no logs`,
      expected,
      actual,
      evidence,
    };
  },
};
