import { defineCheck } from '#core/checks/defineCheck.ts';
import { modelParameters } from '../shared/modelParameters.ts';
import { propertyRequires } from '../shared/PropertySystem.ts';
import { runModelProperty } from '../shared/runModelProperty.ts';
import { suiteStepBudget } from '../shared/suiteStepBudget.ts';
import { nonceSuite } from './nonceSuite.ts';

/**
 * PROP-05 — JR/T 0193-2020 6.9 (execution and accounting agree) when one account has several
 * transactions in flight, including a replacement by a higher fee (ReplaceCommand). An automining
 * node includes the first transaction before a replacement could arrive, so there the replacement is
 * a spent nonce and must be refused; the verdict's summary counts which case each node met.
 */
export const propertyNonceRaceModel = defineCheck({
  id: 'property-nonce-race-model',
  catalogueId: 'PROP-05',
  kind: 'property',
  title: {
    zh: '同一账户并发交易的 nonce 与余额符合模型',
    en: 'Concurrent transactions of one account agree with a nonce model',
  },
  requires: propertyRequires,
  parameters: modelParameters,
  faults: ['tampered-tx-accepted'],
  budget: (params) =>
    suiteStepBudget(
      nonceSuite.accountCount,
      nonceSuite.accountBudget(params.propertyNumRuns, params.propertyMaxCommands),
    ),
  description:
    'Random sequences of bursts (2–4 transfers from one account with consecutive nonces, all submitted before any is ' +
    'awaited), same-nonce pairs (two different transfers with one nonce, back to back) and replacements (a transfer ' +
    'sent again with its nonce and a 50% higher fee) among three funded accounts. After each: every burst transaction ' +
    'is included once, in nonce order, with the right sender and block; of a same-nonce pair or a replacement exactly ' +
    'one is included and only its fee is charged, and a transaction sent after its nonce is on the ledger is refused ' +
    '(on an automining node a replacement always is; the summary counts the cases met); balances and nonces equal the model.',
  failsWhen:
    'A pending transaction is lost or reordered against its nonce, both or neither of a same-nonce pair or of a ' +
    'replacement are included, the fee of the one not included is charged, ' +
    'a transaction reusing a spent nonce is accepted, or a balance or nonce differs from the model.',
  run: (ctx) => runModelProperty(ctx, nonceSuite),
});
