import { probeContractFixture } from '#conformance/contracts/probeContractFixture.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { modelParameters } from '../shared/modelParameters.ts';
import { propertyRequires } from '../shared/PropertySystem.ts';
import { runModelProperty } from '../shared/runModelProperty.ts';
import { suiteStepBudget } from '../shared/suiteStepBudget.ts';
import { storageSuite } from './storageSuite.ts';

/**
 * PROP-02 — JR/T 0193-2020 6.7 (state queries and history) and 6.5 (complete event delivery), under
 * random histories: Probe.set writes, Probe.emitEvents events and reads of past blocks by two accounts.
 */
export const propertyContractStorageModel = defineCheck({
  id: 'property-contract-storage-model',
  catalogueId: 'PROP-02',
  kind: 'property',
  title: {
    zh: '合约存储读写、历史状态与事件日志符合模型',
    en: 'Contract storage, past state and event logs agree with a model',
  },
  requires: [...propertyRequires, 'contract.evm'],
  parameters: modelParameters,
  fixtures: [probeContractFixture],
  faults: ['historical-state-reads-latest', 'logs-dropped'],
  budget: (params) =>
    suiteStepBudget(
      storageSuite.accountCount,
      storageSuite.accountBudget(params.propertyNumRuns, params.propertyMaxCommands),
    ),
  description:
    'Random sequences of Probe.set(value), Probe.emitEvents(tag, 0..3) and reads of slot 1 at the block of an earlier ' +
    'write, from two funded accounts. After each: the transaction is included with the right sender and block, slot 1 ' +
    'at latest is the last value written (eth_getStorageAt and eth_call get() agree), slot 1 at earlier write blocks ' +
    'keeps its value, the height never goes back, eth_getLogs over the run equals the logs the receipts recorded, and ' +
    'balances and nonces equal the model (fee = gasUsed × effectiveGasPrice). Failures are shrunk and recorded for replay.',
  failsWhen:
    'A write is not read back, a past block answers a later value, the height goes back, eth_getLogs misses, adds or ' +
    'reorders logs the receipts hold, a receipt lacks an emitted event, or a balance or nonce differs from the model.',
  run: (ctx) => runModelProperty(ctx, storageSuite),
});
