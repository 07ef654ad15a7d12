import { defineCheck } from '#core/checks/defineCheck.ts';
import {
  runTransferModelProperty,
  transferAccountBudget,
  transferModelParameters,
  transferModelRequires,
} from './runTransferModelProperty.ts';

/** PROP-01: transfers agree with a model of balances and nonces (JR/T 0184-2020 10.1; 0193-2020 6.9). */
export const propertyTransferModel = defineCheck({
  id: 'property-transfer-model',
  catalogueId: 'PROP-01',
  kind: 'property',
  title: { zh: '转账结果与余额、nonce 模型一致', en: 'Transfers agree with a model of balances and nonces' },
  requires: transferModelRequires,
  parameters: transferModelParameters,
  faults: ['balance-drift'],
  // Funding the three suite accounts, each with its own budget.
  budget: (params) => {
    const [item] = transferAccountBudget(params.propertyNumRuns, params.propertyMaxCommands);
    return [{ kind: 'transfer', count: 3 * (item?.count ?? 0) * 2 + 3, value: 3n * (item?.value ?? 0n) }];
  },
  description:
    'Random sequences of transfers (including zero-value and self-transfers) among three accounts funded for the ' +
    "run. After each one: the outcome succeeds, the block it names holds the transaction, and every account's " +
    'balance and nonce equal the model (sender − value − fee, receiver + value, sender nonce + 1). Failures are ' +
    'shrunk and recorded with seed and path for replay.',
  failsWhen:
    'A valid transfer is refused or never recorded, the outcome names a block without the transaction, or any ' +
    'balance or nonce differs from the model.',
  run: (ctx) => runTransferModelProperty(ctx),
});
