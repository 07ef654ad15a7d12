import { readAccountsModel } from '../shared/AccountsModel.ts';
import type { ModelSuite } from '../shared/ModelSuite.ts';
import {
  maxBurst,
  maxNonceAmount,
  nonceAccountCount,
  nonceCommandFromStep,
  nonceCommandsArb,
} from './commands.ts';
import type { NonceModel } from './NonceModel.ts';

/** Fee reserve a sender keeps per transfer (100 gwei × 21 000 gas on EVM), as PROP-01. */
const feeReserve = 21_000n * 100_000_000_000n;

/** PROP-05: several pending transactions of one account, and two racing for one nonce. */
export const nonceSuite: ModelSuite<NonceModel> = {
  checkId: 'property-nonce-race-model',
  catalogueId: 'PROP-05',
  noun: 'nonce races',
  accountCount: nonceAccountCount,
  accountBudget: (numRuns, maxCommands) => {
    const count = numRuns * maxCommands * maxBurst * 2;
    return [{ kind: 'transfer', count, value: BigInt(count) * maxNonceAmount + feeReserve }];
  },
  commands: nonceCommandsArb,
  commandFromStep: nonceCommandFromStep,
  async initialModel(system) {
    return { ...(await readAccountsModel(system)), feeReserve };
  },
};
