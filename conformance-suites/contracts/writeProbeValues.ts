import type { Identity, TransactionsApi } from '#core/adapter/ChainAdapter.ts';
import type { RpcTrace } from './createRpcTrace.ts';
import type { Receipt } from './jsonRpcShapes.ts';
import { probeIntent } from './probeCalls.ts';
import { describeUnrecorded, receiptEvidence, sendAndRecord } from './sendAndRecord.ts';

/** set(v): an SSTORE and the base cost; fixed so nothing is estimated. */
const setGas = 120_000n;

export interface ProbeWrite {
  readonly value: bigint;
  readonly receipt: Receipt;
}

export type ProbeWrites =
  | {
      readonly ok: true;
      readonly writes: readonly ProbeWrite[];
      readonly evidence: readonly Record<string, unknown>[];
    }
  | { readonly ok: false; readonly problem: string; readonly evidence: readonly Record<string, unknown>[] };

/**
 * Writes each of `values` to the Probe's slot 1 with set(v), one transaction after the other, each
 * waited for. Every write must be recorded with status 0x1 (set cannot fail with its gas), and each in a
 * later block than the one before (it was sent after that one's receipt): otherwise `problem` says
 * what the ledger showed instead, which the caller judges as a failure.
 */
export async function writeProbeValues(
  transactions: TransactionsApi,
  trace: RpcTrace,
  probe: string,
  from: Identity,
  values: readonly bigint[],
  timeoutMs: number,
): Promise<ProbeWrites> {
  const writes: ProbeWrite[] = [];
  const evidence: Record<string, unknown>[] = [];
  for (const value of values) {
    const label = `set(${value})`;
    const sent = await sendAndRecord(transactions, trace, probeIntent(probe, 'set', [value]), from, {
      gasLimit: setGas,
      timeoutMs,
    });
    if (sent.kind !== 'recorded')
      return { ok: false, problem: describeUnrecorded(label, sent, timeoutMs), evidence };
    evidence.push({ call: label, ...receiptEvidence(sent.receipt) });
    if (sent.receipt.status !== '0x1')
      return {
        ok: false,
        problem: `${label} (${sent.txId}) reverted; Probe.set cannot fail with ${setGas} gas`,
        evidence,
      };
    const previous = writes[writes.length - 1];
    if (previous !== undefined && sent.receipt.blockNumber <= previous.receipt.blockNumber) {
      return {
        ok: false,
        problem: `${label} was sent after set(${previous.value}) was recorded in block ${previous.receipt.blockNumber}, yet its receipt names block ${sent.receipt.blockNumber}`,
        evidence,
      };
    }
    writes.push({ value, receipt: sent.receipt });
  }
  return { ok: true, writes, evidence };
}
