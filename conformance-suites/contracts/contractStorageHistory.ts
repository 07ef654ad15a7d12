import { defineCheck } from '#core/checks/defineCheck.ts';
import { receiptTimeoutMs } from '#core/checks/sharedParameters.ts';
import { createRpcTrace, type RpcTrace } from './createRpcTrace.ts';
import { joinProblems } from './joinProblems.ts';
import { DataShape, quantity, StorageWordShape } from './jsonRpcShapes.ts';
import { freshValue, probeCallData } from './probeCalls.ts';
import { probeContractFixture } from './probeContractFixture.ts';
import { probeUnavailable } from './probeUnavailable.ts';
import { writeProbeValues } from './writeProbeValues.ts';

/** Probe.sol `uint256 private stored` is the second state variable: storage slot 1. */
const storedSlot = '0x1';

interface Reading {
  readonly at: string;
  readonly expected: bigint | 'not x1';
  readonly storage: bigint | string;
  readonly call: bigint | string;
}

/**
 * SC-10 (chaineval extension) — JR/T 0193-2020 6.7 (state management: state queries and history) and
 * JR/T 0184-2020 7.6 (new versions can read historical data): the state as of a past block stays
 * readable and is that block's state, not today's. The check writes x1 with Probe.set in block a and x2
 * in block b > a, then reads slot 1 with eth_getStorageAt and with eth_call get() at a - 1, a, b and
 * "latest".
 *
 * Comparison policy: words are compared as numbers (an empty slot's "0x" is zero). At a and b both
 * methods must give x1 and x2, at "latest" x2 (the check is the only writer of slot 1); at a - 1 the
 * two methods must agree and must not be x1, which was written later. An error or malformed answer to
 * a read of a block the node has just recorded is a `fail` (the node does not serve its own recent
 * history).
 */
export const contractStorageHistory = defineCheck({
  id: 'contract-storage-history',
  catalogueId: 'SC-10',
  kind: 'conformance',
  title: { zh: '历史区块的合约状态可查询且正确', en: 'Contract state at past blocks is readable and right' },
  requires: ['tx.clientSign', 'tx.receipts', 'contract.evm', 'rpc.jsonrpc'],
  parameters: [receiptTimeoutMs],
  fixtures: [probeContractFixture],
  faults: ['historical-state-reads-latest'],
  budget: () => [{ kind: 'call', count: 2 }],
  description:
    'Writes x1 with Probe.set in block a and x2 in a later block b, then reads storage slot 1 with eth_getStorageAt ' +
    'and eth_call get() at blocks a - 1, a, b and "latest". Passes when both give x1, x2, x2 at a, b and latest, and ' +
    'agree on a value other than x1 at a - 1.',
  failsWhen:
    'A read at a past block answers another block’s value (typically the latest), the two methods disagree, or a ' +
    'read of a recent block is refused or malformed.',
  async run({ adapter, params, account, fixture }) {
    const probe = await fixture(probeContractFixture);
    if (!probe.deployed) return probeUnavailable(probe);
    const trace = createRpcTrace(adapter.rpc);
    const x1 = freshValue();
    const x2 = x1 + 2n;
    const evidence: Record<string, unknown> = { probe: probe.address, slot: storedSlot };
    const finish = (extra: Record<string, unknown> = {}) => ({
      ...evidence,
      ...extra,
      rpc: trace.exchanges(),
    });

    const written = await writeProbeValues(
      adapter.transactions,
      trace,
      probe.address,
      account,
      [x1, x2],
      params.receiptTimeoutMs,
    );
    evidence.writes = written.evidence;
    if (!written.ok) return { status: 'fail', summary: written.problem, evidence: finish() };
    const a = written.writes[0]!.receipt.blockNumber;
    const b = written.writes[1]!.receipt.blockNumber;

    const points: { at: string; tag: string; expected: bigint | 'not x1' }[] = [
      ...(a > 0n ? [{ at: `a - 1 = ${a - 1n}`, tag: quantity(a - 1n), expected: 'not x1' as const }] : []),
      { at: `a = ${a}`, tag: quantity(a), expected: x1 },
      { at: `b = ${b}`, tag: quantity(b), expected: x2 },
      { at: 'latest', tag: 'latest', expected: x2 },
    ];
    const problems: string[] = [];
    const readings: Reading[] = [];
    for (const point of points) {
      const storage = await readWord(trace, 'eth_getStorageAt', [probe.address, storedSlot, point.tag]);
      const call = await readWord(trace, 'eth_call', [
        { to: probe.address, data: probeCallData('get') },
        point.tag,
      ]);
      readings.push({ at: point.at, expected: point.expected, storage, call });
      for (const [method, value] of [
        ['eth_getStorageAt', storage],
        ['eth_call get()', call],
      ] as const) {
        if (typeof value === 'string') problems.push(`${method} at ${point.at}: ${value}`);
        else if (point.expected === 'not x1' ? value === x1 : value !== point.expected) {
          const wanted =
            point.expected === 'not x1'
              ? `a value other than x1 = ${x1} (written later, in block a)`
              : `${point.expected}`;
          problems.push(
            `${method} at ${point.at} answered ${value}, expected ${wanted}${value === x2 ? ' (the latest value)' : ''}`,
          );
        }
      }
      if (typeof storage === 'bigint' && typeof call === 'bigint' && storage !== call) {
        problems.push(
          `at ${point.at} eth_getStorageAt answered ${storage} but eth_call get() answered ${call}`,
        );
      }
    }
    const expected = Object.fromEntries(
      points.map((p) => [p.at, p.expected === 'not x1' ? `≠ ${x1}` : p.expected.toString()]),
    );
    const actual = Object.fromEntries(
      readings.map((r) => [r.at, { storage: String(r.storage), call: String(r.call) }]),
    );
    if (problems.length > 0) {
      return {
        status: 'fail',
        summary: joinProblems(problems),
        expected,
        actual,
        evidence: finish({ problems }),
      };
    }
    return {
      status: 'pass',
      summary: `slot 1 reads x1 at block ${a}, x2 at block ${b} and at latest, through eth_getStorageAt and eth_call alike`,
      expected,
      actual,
      evidence: finish(),
    };
  },
});

/** A 32-byte word as a number, or the problem with the answer. */
async function readWord(
  trace: RpcTrace,
  method: string,
  params: readonly unknown[],
): Promise<bigint | string> {
  if (method === 'eth_call') {
    const read = await trace.read(method, params, DataShape);
    if (!read.ok) return read.problem;
    return read.value.length === 66
      ? BigInt(read.value)
      : `eth_call get() answered ${read.value}, not one 32-byte word`;
  }
  const read = await trace.read(method, params, StorageWordShape);
  return read.ok ? read.value : read.problem;
}
