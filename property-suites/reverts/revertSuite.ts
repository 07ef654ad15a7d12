import { readAccountsModel } from '../shared/AccountsModel.ts';
import type { ModelSuite } from '../shared/ModelSuite.ts';
import { probeSetup } from '../shared/probeSetup.ts';
import { readSlot } from '../shared/readSlot.ts';
import { revertAccountCount, revertCommandFromStep, revertCommandsArb } from './commands.ts';
import type { RevertModel } from './RevertModel.ts';

/** PROP-04: reverting Probe calls against a model of slots, fees and nonces. */
export const revertSuite: ModelSuite<RevertModel> = {
  checkId: 'property-revert-model',
  catalogueId: 'PROP-04',
  noun: 'reverting calls',
  accountCount: revertAccountCount,
  accountBudget: (numRuns, maxCommands) => [{ kind: 'call', count: numRuns * maxCommands * 2 }],
  setup: probeSetup,
  commands: revertCommandsArb,
  commandFromStep: revertCommandFromStep,
  async initialModel(system) {
    const contract = system.contract;
    if (contract === undefined) throw new Error('the revert suite runs without its Probe contract');
    return {
      ...(await readAccountsModel(system)),
      contract,
      value: await readSlot(
        system,
        { slot: '0x0', getter: 'value', block: 'latest', callOnly: true },
        'start of run',
      ),
      stored: await readSlot(
        system,
        { slot: '0x1', getter: 'get', block: 'latest', callOnly: true },
        'start of run',
      ),
    };
  },
};
