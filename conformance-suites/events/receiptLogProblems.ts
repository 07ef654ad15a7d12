import type { Receipt } from '#conformance/contracts/jsonRpcShapes.ts';
import { logsBloom } from './logsBloom.ts';
import type { ExpectedLog } from './probeEventLogs.ts';

/**
 * What is wrong with the logs of one receipt, judged against what the harness knows the transaction
 * emitted: the same logs in the same order (address, topics, data), each naming the receipt's block,
 * transaction and position, logIndex consecutive (starting at 0 when the transaction is first in its
 * block), never `removed`, and a logsBloom equal to the bloom the harness computes from them.
 */
export function receiptLogProblems(
  label: string,
  receipt: Receipt,
  expected: readonly ExpectedLog[],
): string[] {
  const problems: string[] = [];
  const { logs } = receipt;
  if (logs.length !== expected.length) {
    problems.push(`${label}: the receipt holds ${logs.length} log(s), the call emits ${expected.length}`);
  }
  for (const [i, log] of logs.entries()) {
    const want = expected[i];
    const at = `${label}: receipt log ${i}`;
    if (want !== undefined) {
      if (log.address !== want.address.toLowerCase())
        problems.push(`${at} comes from ${log.address}, not ${want.address}`);
      if (JSON.stringify(log.topics) !== JSON.stringify(want.topics.map((t) => t.toLowerCase())))
        problems.push(`${at} has topics ${log.topics.join(',')}, expected ${want.topics.join(',')}`);
      if (log.data !== want.data.toLowerCase())
        problems.push(`${at} has data ${log.data}, expected ${want.data}`);
    }
    if (log.blockHash !== receipt.blockHash || log.blockNumber !== receipt.blockNumber)
      problems.push(
        `${at} names block ${log.blockNumber} ${log.blockHash}, the receipt ${receipt.blockNumber} ${receipt.blockHash}`,
      );
    if (log.transactionHash !== receipt.transactionHash || log.transactionIndex !== receipt.transactionIndex)
      problems.push(
        `${at} names transaction ${log.transactionHash} at index ${log.transactionIndex}, not the receipt's`,
      );
    if (log.removed === true) problems.push(`${at} is marked removed in a receipt of the canonical chain`);
    const first = logs[0]!.logIndex;
    if (log.logIndex !== first + BigInt(i))
      problems.push(`${at} has logIndex ${log.logIndex}, expected ${first + BigInt(i)} (consecutive)`);
  }
  const bloom = logsBloom(logs);
  if (bloom !== receipt.logsBloom)
    problems.push(
      `${label}: the receipt's logsBloom is not the bloom of its logs (harness computed ${bloom.slice(0, 18)}…)`,
    );
  return problems;
}
