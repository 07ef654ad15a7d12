import { ReceiptShape } from '#conformance/contracts/jsonRpcShapes.ts';
import type { ExpectedLog } from '#conformance/events/probeEventLogs.ts';
import type { TxOutcome } from '#core/adapter/ChainAdapter.ts';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import type { StorageModel } from './StorageModel.ts';

/**
 * The receipt's logs must be exactly the events the harness computed (address, topics, data, in
 * order); they join the model's log list, which eth_getLogs must then return. The run's last
 * transaction block moves to this receipt's.
 */
export function recordReceiptLogs(
  model: StorageModel,
  outcome: TxOutcome,
  expected: readonly ExpectedLog[],
  label: string,
): void {
  const receipt = ReceiptShape.safeParse(outcome.raw);
  if (!receipt.success) {
    throw new ModelMismatchError(
      `${label}: the receipt of ${outcome.txId} is malformed`,
      'a receipt',
      outcome.raw,
    );
  }
  const content = (logs: readonly ExpectedLog[]) =>
    JSON.stringify(
      logs.map((l) => [l.address.toLowerCase(), l.topics.map((t) => t.toLowerCase()), l.data.toLowerCase()]),
    );
  if (content(receipt.data.logs) !== content(expected)) {
    throw new ModelMismatchError(
      `${label}: the receipt holds ${receipt.data.logs.length} logs, the contract emitted ${expected.length}`,
      expected,
      receipt.data.logs.map((l) => ({ address: l.address, topics: l.topics, data: l.data })),
    );
  }
  model.logs.push(...receipt.data.logs);
  model.lastTxBlock = outcome.blockNumber;
}
