import { defineCheck } from '#core/checks/defineCheck.ts';
import { modelParameters } from '../shared/modelParameters.ts';
import { propertyRequires } from '../shared/PropertySystem.ts';
import { runModelProperty } from '../shared/runModelProperty.ts';
import { suiteStepBudget } from '../shared/suiteStepBudget.ts';
import { replaySuite } from './replaySuite.ts';

/** PROP-06 — JR/T 0184-2020 6.3.2 (replay resistance) and 10.1 (integrity), under random histories. */
export const propertyReplayModel = defineCheck({
  id: 'property-replay-model',
  catalogueId: 'PROP-06',
  kind: 'property',
  title: {
    zh: '已上链交易的重放被拒绝且不改变状态',
    en: 'Replays of included transactions are refused and change nothing',
  },
  requires: propertyRequires,
  parameters: modelParameters,
  faults: ['replay-accepted'],
  budget: (params) =>
    suiteStepBudget(
      replaySuite.accountCount,
      replaySuite.accountBudget(params.propertyNumRuns, params.propertyMaxCommands),
    ),
  description:
    'Random sequences of fresh transfers between two funded accounts and resubmissions of the identical signed bytes ' +
    'of any earlier included transfer of the run. After each: a fresh transfer is included with the right sender and ' +
    'block and balances and nonces follow the model; a replay is refused, the original stays in its block, and no ' +
    'balance or nonce moves.',
  failsWhen:
    'A replay is acknowledged or executed again, the original moves to another block, or a balance or nonce differs ' +
    'from the model.',
  run: (ctx) => runModelProperty(ctx, replaySuite),
});
