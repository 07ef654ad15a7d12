import { defineCheck } from '#core/checks/defineCheck.ts';
import { propertyRequires } from '../shared/PropertySystem.ts';
import { suiteStepBudget } from '../shared/suiteStepBudget.ts';
import { crossEndpointAccountCount } from './commands.ts';
import {
  crossEndpointAccountBudget,
  crossEndpointParameters,
  runCrossEndpointProperty,
} from './runCrossEndpointProperty.ts';

/**
 * PROP-08 — JR/T 0184-2020 10.2 (the accounting nodes' ledgers are consistent) and 11.5 (all
 * trusted nodes compute the same result); JR/T 0193-2020 §6.2/§6.7, under random histories issued
 * through every endpoint of one network (`--target` repeated), checked Elle/Jepsen style.
 *
 * Judgement policy (checkHistory.ts): a read is judged only against transfers completed before it
 * and included at or below the block it read, so a lagging endpoint is legal; before every
 * operation the endpoint must reach the history's newest block within crossNodeSyncMs, and one that
 * does not is a fail ("not visible on endpoint X after N ms"), as LED-04 and LED-14 judge it. Error
 * answers to reads of recorded state are fails, as in the other property suites; transport failures
 * are inconclusive.
 */
export const propertyCrossEndpointHistory = defineCheck({
  id: 'property-cross-endpoint-history',
  catalogueId: 'PROP-08',
  kind: 'property',
  title: {
    zh: '多节点随机历史无丢失更新、双花与分叉',
    en: 'Histories across the endpoints of one network show no lost update, double spend or divergence',
  },
  requires: propertyRequires,
  minEndpoints: 2,
  parameters: crossEndpointParameters,
  faults: ['lost-update', 'tx-not-propagated'],
  budget: (params) =>
    suiteStepBudget(
      crossEndpointAccountCount,
      crossEndpointAccountBudget(params.propertyNumRuns, params.propertyMaxCommands),
    ),
  description:
    'Random histories of transfers among three funded accounts, each submitted through a random endpoint and read ' +
    'back through another (balances and nonces now and at the transfer’s block, receipt, block by number and by hash), ' +
    'plus random reads, then final reads of everything on every endpoint. Every operation is recorded with its ' +
    'endpoint, times, the endpoint’s height and what it saw; the history passes when no lost update, double spend, ' +
    'divergence or non-monotonic read is found. A lagging endpoint is judged only at the heights it reports.',
  failsWhen:
    'An included transfer’s effect is missing from a read at or above its block, a sender’s nonce is used by two ' +
    'included transactions, two endpoints give different blocks for one number or different receipts for one ' +
    'transaction, an endpoint’s height goes back, or an endpoint does not reach a block another holds within ' +
    'crossNodeSyncMs. Two independent chains given as one network fail.',
  run: (ctx) => runCrossEndpointProperty(ctx),
});
