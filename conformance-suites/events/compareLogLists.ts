import type { Log } from '#conformance/contracts/jsonRpcShapes.ts';

/** A log named as an assessor finds it again: block, index in the block, transaction. */
export function describeLog(log: Log): string {
  return `block ${log.blockNumber} logIndex ${log.logIndex} (tx ${log.transactionHash.slice(0, 10)}…)`;
}

/** The position of a log on the chain: (blockHash, logIndex) is unique. */
function positionOf(log: Log): string {
  return `${log.blockHash}:${log.logIndex}`;
}

/** Every field that identifies a log and its content, for exact comparison. */
function identityOf(log: Log): string {
  return JSON.stringify([
    log.blockHash,
    log.blockNumber.toString(),
    log.transactionHash,
    log.transactionIndex.toString(),
    log.logIndex.toString(),
    log.address,
    log.topics,
    log.data,
  ]);
}

/** Problems with the order of a log list: each log must come strictly after the previous by (blockNumber, logIndex). */
export function orderProblems(logs: readonly Log[]): string[] {
  const problems: string[] = [];
  for (let i = 1; i < logs.length; i++) {
    const a = logs[i - 1]!;
    const b = logs[i]!;
    const after =
      b.blockNumber > a.blockNumber || (b.blockNumber === a.blockNumber && b.logIndex > a.logIndex);
    if (positionOf(a) === positionOf(b)) problems.push(`${describeLog(b)} is listed twice`);
    else if (!after) problems.push(`${describeLog(b)} is listed after ${describeLog(a)}`);
  }
  return problems;
}

/**
 * What separates `actual` from `expected` (both lists of logs): logs missing, logs no expected entry
 * has, logs whose fields differ at the same position, duplicates and order. Empty when they are the
 * same list. `label` names the query in each problem.
 */
export function compareLogLists(label: string, expected: readonly Log[], actual: readonly Log[]): string[] {
  const problems = orderProblems(actual).map((p) => `${label}: ${p}`);
  const wanted = new Map(expected.map((log) => [positionOf(log), log]));
  const got = new Map(actual.map((log) => [positionOf(log), log]));
  const missing = expected.filter((log) => !got.has(positionOf(log)));
  const extra = actual.filter((log) => !wanted.has(positionOf(log)));
  const changed = actual.filter((log) => {
    const twin = wanted.get(positionOf(log));
    return twin !== undefined && identityOf(twin) !== identityOf(log);
  });
  const list = (logs: readonly Log[]) =>
    logs.slice(0, 3).map(describeLog).join(', ') + (logs.length > 3 ? ` and ${logs.length - 3} more` : '');
  if (missing.length > 0)
    problems.push(`${label} misses ${missing.length} of ${expected.length} log(s): ${list(missing)}`);
  if (extra.length > 0)
    problems.push(`${label} answers ${extra.length} log(s) it should not: ${list(extra)}`);
  if (changed.length > 0)
    problems.push(
      `${label} answers ${changed.length} log(s) with other fields than the receipts: ${list(changed)}`,
    );
  return problems;
}
