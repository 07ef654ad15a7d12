import { randomBytes } from 'node:crypto';
import { BlockShape, LogListShape, QuantityShape, quantity } from '#conformance/contracts/jsonRpcShapes.ts';
import { readAccountsModel } from '../shared/AccountsModel.ts';
import type { ModelSuite } from '../shared/ModelSuite.ts';
import { probeSetup } from '../shared/probeSetup.ts';
import { readRpc } from '../shared/readRpc.ts';
import { readSlot } from '../shared/readSlot.ts';
import { storageAccountCount, storageCommandFromStep, storageCommandsArb } from './commands.ts';
import type { StorageModel } from './StorageModel.ts';

/** PROP-02: Probe writes, reads and events against a model of slot 1, its history and the logs. */
export const storageSuite: ModelSuite<StorageModel> = {
  checkId: 'property-contract-storage-model',
  catalogueId: 'PROP-02',
  noun: 'contract writes and reads',
  accountCount: storageAccountCount,
  accountBudget: (numRuns, maxCommands) => [{ kind: 'call', count: numRuns * maxCommands * 2 }],
  setup: probeSetup,
  commands: storageCommandsArb,
  commandFromStep: storageCommandFromStep,
  async initialModel(system) {
    const contract = system.contract;
    if (contract === undefined) throw new Error('the storage suite runs without its Probe contract');
    const accounts = await readAccountsModel(system);
    const fromBlock = await readRpc(system, 'eth_blockNumber', [], QuantityShape, 'start of run');
    // Logs of the run's first block are the chain's before the run (an earlier run may have emitted
    // there); read by block hash, they start the list eth_getLogs over the run's range must return.
    const first = await readRpc(
      system,
      'eth_getBlockByNumber',
      [quantity(fromBlock), false],
      BlockShape,
      'start of run',
    );
    const logs = await readRpc(
      system,
      'eth_getLogs',
      [{ address: contract, blockHash: first.hash }],
      LogListShape,
      'start of run',
    );
    const stored = await readSlot(
      system,
      { slot: '0x1', getter: 'get', block: fromBlock, callOnly: true },
      'start of run',
    );
    return {
      ...accounts,
      contract,
      stored,
      fromBlock,
      writes: [{ block: fromBlock, value: stored }],
      logs,
      lastTxBlock: fromBlock,
      lastHeight: fromBlock,
      // A fresh tag per run: logs of another run or caller never match the model's by accident.
      tag: BigInt(`0x${randomBytes(8).toString('hex')}`),
    };
  },
};
