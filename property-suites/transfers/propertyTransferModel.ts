import type { CheckDefinition } from '#core/checks/CheckDefinition.ts';
import { runTransferModelProperty } from './runTransferModelProperty.ts';

/** PROP-01 (JR/T 0184-2020 10.1 ledger integrity; JR/T 0193-2020 6.9 transaction system). */
export const propertyTransferModel: CheckDefinition = {
  id: 'property-transfer-model',
  catalogueId: 'PROP-01',
  kind: 'property',
  title: { zh: '转账结果与余额、nonce 模型一致', en: 'Transfers agree with a model of balances and nonces' },
  clauseIds: ['0184-10.1', '0193-6.9'],
  requires: ['tx.clientSign', 'tx.receipts', 'block.read'],
  description:
    'Random sequences of transfers (including zero-value and self-transfers) among three funded accounts. ' +
    "After each one: the receipt succeeds, the block it names holds the transaction, and every account's " +
    'balance and nonce equal the model (sender − value − gasUsed × effectiveGasPrice, receiver + value, ' +
    'sender nonce + 1). Failures are shrunk and recorded with seed and path for replay.',
  failsWhen:
    'A valid transfer is rejected or never receipted, the receipt names a block without the transaction, or any ' +
    'balance or nonce differs from the model (fault-proxy fault balance-drift).',
  run: (ctx) => runTransferModelProperty(ctx),
};
