import { describe, expect, it } from 'vitest';
import { ReceiptShape } from '#conformance/contracts/jsonRpcShapes.ts';
import { logsBloom } from './logsBloom.ts';
import { expectedProbeEvents } from './probeEventLogs.ts';
import { receiptLogProblems } from './receiptLogProblems.ts';

const address = '0x5fbdb2315678afecb367f032d93f642f64180aa3';
const blockHash = `0x${'bb'.repeat(32)}`;
const transactionHash = `0x${'cc'.repeat(32)}`;

/** A receipt as a node answers it, holding `logs` (the expected Probe events unless changed). */
function receipt(change: (logs: Record<string, unknown>[]) => Record<string, unknown>[] = (l) => l) {
  const events = expectedProbeEvents(address, 5n, 2);
  const logs = change(
    events.map((e, i) => ({
      ...e,
      blockHash,
      blockNumber: '0x5',
      transactionHash,
      transactionIndex: '0x0',
      logIndex: `0x${i.toString(16)}`,
      removed: false,
    })),
  );
  return ReceiptShape.parse({
    transactionHash,
    transactionIndex: '0x0',
    blockHash,
    blockNumber: '0x5',
    from: `0x${'11'.repeat(20)}`,
    to: address,
    status: '0x1',
    gasUsed: '0x1',
    cumulativeGasUsed: '0x1',
    logs,
    logsBloom: logsBloom(events),
  });
}

describe('receiptLogProblems', () => {
  const expected = expectedProbeEvents(address, 5n, 2);

  it('finds nothing in a receipt holding exactly the emitted events', () => {
    expect(receiptLogProblems('emit', receipt(), expected)).toEqual([]);
  });

  it('names a missing event (and the bloom that no longer fits)', () => {
    const problems = receiptLogProblems(
      'emit',
      receipt((logs) => logs.slice(0, 2)),
      expected,
    );
    expect(problems[0]).toBe('emit: the receipt holds 2 log(s), the call emits 3');
    expect(problems).toContainEqual(
      expect.stringMatching(/^emit: the receipt's logsBloom is not the bloom of its logs/),
    );
  });

  it('names altered data, a gap in logIndex and a removed log', () => {
    const problems = receiptLogProblems(
      'emit',
      receipt((logs) => [
        logs[0]!,
        { ...logs[1]!, data: `0x${'00'.repeat(32)}`, logIndex: '0x5' },
        { ...logs[2]!, removed: true },
      ]),
      expected,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^emit: receipt log 1 has data 0x0+, expected 0x/),
      'emit: receipt log 1 has logIndex 5, expected 1 (consecutive)',
      'emit: receipt log 2 is marked removed in a receipt of the canonical chain',
    ]);
  });
});
