import { probeContractFixture } from '#conformance/contracts/probeContractFixture.ts';
import { defineCheck } from '#core/checks/defineCheck.ts';
import { modelParameters } from '../shared/modelParameters.ts';
import { propertyRequires } from '../shared/PropertySystem.ts';
import { runModelProperty } from '../shared/runModelProperty.ts';
import { suiteStepBudget } from '../shared/suiteStepBudget.ts';
import { revertSuite } from './revertSuite.ts';

/** PROP-04 — JR/T 0184-2020 12.5 (atomicity) and 10.7 (failures recorded), under random histories. */
export const propertyRevertModel = defineCheck({
  id: 'property-revert-model',
  catalogueId: 'PROP-04',
  kind: 'property',
  title: {
    zh: '回滚的调用不改变状态但记录并收费',
    en: 'Reverting calls change no state, yet are recorded and charged',
  },
  requires: [...propertyRequires, 'contract.evm'],
  parameters: modelParameters,
  fixtures: [probeContractFixture],
  faults: ['lying-receipts', 'revert-leaks-state'],
  budget: (params) =>
    suiteStepBudget(
      revertSuite.accountCount,
      revertSuite.accountBudget(params.propertyNumRuns, params.propertyMaxCommands),
    ),
  description:
    'Random sequences of Probe.writeThenRevert(v) (writes slot 0 and emits, then reverts) and Probe.fail() from two ' +
    'funded accounts. After each: the transaction is included with the right sender and block and receipt status 0, ' +
    'without logs; slots 0 and 1 are unchanged at latest and at its block (eth_getStorageAt and eth_call agree); the ' +
    'sender paid a non-zero fee of gasUsed × effectiveGasPrice and used one nonce, as the model says.',
  failsWhen:
    'A reverted call is reported successful, keeps logs or storage writes, is not recorded, is charged other than its ' +
    'gas, or a balance or nonce differs from the model.',
  run: (ctx) => runModelProperty(ctx, revertSuite),
});
