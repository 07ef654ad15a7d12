import { type Log, LogListShape, QuantityShape, quantity } from '#conformance/contracts/jsonRpcShapes.ts';
import { assertAccountsMatch } from '../shared/AccountsModel.ts';
import type { PropertySystem } from '../shared/PropertySystem.ts';
import { readRpc } from '../shared/readRpc.ts';
import { readSlot } from '../shared/readSlot.ts';
import { ModelMismatchError } from '../transfers/ModelMismatchError.ts';
import type { StorageModel } from './StorageModel.ts';

/** Every field that identifies a log and its content, compared exactly. */
const identityOf = (log: Log) =>
  JSON.stringify([
    log.blockHash,
    String(log.blockNumber),
    log.transactionHash,
    String(log.transactionIndex),
    String(log.logIndex),
    log.address,
    log.topics,
    log.data,
  ]);

/**
 * The invariants of the storage suite after every command:
 * - monotonic reads: the height never goes back;
 * - read-your-writes: slot 1 at "latest" is the last value written, through eth_getStorageAt and
 *   eth_call get() alike;
 * - past state unchanged later: slot 1 at the block of the write before the last still holds the value
 *   written then (not today's);
 * - logs: eth_getLogs over (fromBlock, last transaction's block) for the Probe returns exactly the
 *   logs the run's receipts recorded, in order (the suite is the only caller of its Probe);
 * - balances and nonces of the suite's accounts equal the model.
 */
export async function assertStorageMatches(
  model: StorageModel,
  system: PropertySystem,
  after: string,
): Promise<void> {
  const height = await readRpc(system, 'eth_blockNumber', [], QuantityShape, after);
  if (height < model.lastHeight) {
    throw new ModelMismatchError(
      `after ${after}: the height went back from ${model.lastHeight} to ${height}`,
      `≥ ${model.lastHeight}`,
      String(height),
    );
  }
  model.lastHeight = height;

  const latest = await readSlot(system, { slot: '0x1', getter: 'get', block: 'latest' }, after);
  if (latest !== model.stored) {
    throw new ModelMismatchError(
      `after ${after}: slot 1 at latest is ${latest}, but the last write set ${model.stored}`,
      String(model.stored),
      String(latest),
    );
  }

  const past = model.writes.at(-2);
  if (past !== undefined) {
    const then = await readSlot(system, { slot: '0x1', getter: 'get', block: past.block }, after);
    if (then !== past.value) {
      throw new ModelMismatchError(
        `after ${after}: slot 1 at past block ${past.block} reads ${then}, but it held ${past.value} then${then === model.stored ? ' (the latest value)' : ''}`,
        { block: String(past.block), value: String(past.value) },
        { block: String(past.block), value: String(then) },
      );
    }
  }

  const range = {
    address: model.contract,
    fromBlock: quantity(model.fromBlock),
    toBlock: quantity(model.lastTxBlock),
  };
  const logs = await readRpc(system, 'eth_getLogs', [range], LogListShape, after);
  const expected = model.logs.map(identityOf);
  const actual = logs.map(identityOf);
  if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    const missing = expected.filter((l) => !actual.includes(l)).length;
    const extra = actual.filter((l) => !expected.includes(l)).length;
    throw new ModelMismatchError(
      `after ${after}: eth_getLogs over blocks ${model.fromBlock}..${model.lastTxBlock} answered ${logs.length} logs, the receipts recorded ${model.logs.length} (${missing} missing, ${extra} extra${missing + extra === 0 ? ', order differs' : ''})`,
      { range, logs: model.logs.length },
      { range, logs: logs.length },
    );
  }
  await assertAccountsMatch(model, system, after);
}
