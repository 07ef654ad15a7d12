import { readAccountsModel } from '../shared/AccountsModel.ts';
import type { ModelSuite } from '../shared/ModelSuite.ts';
import { maxReplayAmount, replayAccountCount, replayCommandFromStep, replayCommandsArb } from './commands.ts';
import type { ReplayModel } from './ReplayModel.ts';

/** Fee reserve a sender keeps per transfer (100 gwei × 21 000 gas on EVM), as PROP-01. */
const feeReserve = 21_000n * 100_000_000_000n;

/** PROP-06: replays of the run's included transactions against a model of balances and nonces. */
export const replaySuite: ModelSuite<ReplayModel> = {
  checkId: 'property-replay-model',
  catalogueId: 'PROP-06',
  noun: 'replayed transactions',
  accountCount: replayAccountCount,
  accountBudget: (numRuns, maxCommands) => {
    const count = numRuns * maxCommands * 2;
    return [{ kind: 'transfer', count, value: BigInt(count) * maxReplayAmount + feeReserve }];
  },
  commands: replayCommandsArb,
  commandFromStep: replayCommandFromStep,
  async initialModel(system) {
    return { ...(await readAccountsModel(system)), feeReserve, included: [] };
  },
};
