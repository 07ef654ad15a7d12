import { defineFault } from '../defineFault.ts';
import { withEmulatorDefect } from '../faults/emulatorDefect.ts';
import { blockSealedByOutsider, commitSealsBelowQuorum } from '../faults/forgeCommitSeals.ts';
import {
  freezeNotRecorded,
  interventionLogDropped,
  interventionRightsNotSplit,
} from '../faults/governanceRecords.ts';
import { unregisteredValidator, validatorSetTooSmall } from '../faults/shrinkValidatorSet.ts';

/**
 * Faults for the capability-gated consensus and governance checks (append new ones at the end; never
 * rename). They act on what a BFT, permissioned chain serves; the tests put the proxy in front of the
 * permissioned-chain emulator (fault-proxy/emulation), and the faults that break its admission or
 * authorisation ask it through its defect submission (faults/emulatorDefect.ts).
 */
export const governanceFaults = [
  defineFault({
    name: 'validator-set-too-small',
    description:
      'qbft_/ibft_getValidatorsByBlockNumber, clique_getSigners and istanbul_getValidators answers of 4 or more validators list only the first 3',
    rewrite: (request, response, { state }) => validatorSetTooSmall(request, response, state),
  }),
  defineFault({
    name: 'unregistered-validator',
    description:
      'validator-set answers (qbft_/ibft_/clique_/istanbul_) have their last validator replaced by the last 20 bytes of its keccak256: an identity nobody registered',
    rewrite: (request, response, { state }) => unregisteredValidator(request, response, state),
  }),
  defineFault({
    name: 'block-sealed-by-outsider',
    description:
      'blocks (number >= 1) with QBFT extraData have their last commit seal replaced by a valid signature over the same committed-seal digest from a key outside the validator set; hashes unchanged',
    rewrite: (request, response) => blockSealedByOutsider(request, response),
  }),
  defineFault({
    name: 'commit-seals-below-quorum',
    description:
      'blocks (number >= 1) with QBFT extraData keep only ceil(2n/3) - 1 of their commit seals, n the validators the header lists: fewer than the BFT quorum',
    rewrite: (request, response) => commitSealsBelowQuorum(request, response),
  }),
  defineFault({
    name: 'frozen-account-transacts',
    description:
      "eth_sendRawTransaction is admitted without the account-status rule (the emulator's defect submission): transactions of frozen or abolished accounts are executed",
    rewriteRequest: (request) => withEmulatorDefect(request, { skip: ['account-status'] }),
  }),
  defineFault({
    name: 'freeze-not-recorded',
    description:
      'events of the governance interface (AccountStatusChanged, ContractStatusChanged, PermissionChanged) are removed from receipts (eth_getTransactionReceipt, eth_getBlockReceipts) and eth_getLogs answers',
    rewrite: (request, response, { state }) => freezeNotRecorded(request, response, state),
  }),
  defineFault({
    name: 'intervention-log-dropped',
    description: 'eth_getLogs answers omit the events of the governance interface; receipts keep them',
    rewrite: (request, response, { state }) => interventionLogDropped(request, response, state),
  }),
  defineFault({
    name: 'unauthorised-freeze-accepted',
    description:
      "setAccountStatus calls to the governance contract from an identity that is not a governor are executed with the first governor's authority (the emulator impersonates it): the node acts on governance requests with its own admin key",
    rewriteRequest: (request) => withEmulatorDefect(request, { governanceAsNodeAdmin: ['setAccountStatus'] }),
  }),
  defineFault({
    name: 'intervention-rights-not-split',
    description: "eth_call of the governance contract's getGovernors() answers only the first holder",
    rewrite: (request, response, { state }) => interventionRightsNotSplit(request, response, state),
  }),
  defineFault({
    name: 'role-self-grant-accepted',
    description:
      "grant calls to the governance contract from an identity that is not a governor are executed with the first governor's authority: ordinary accounts can grant rights, themselves included",
    rewriteRequest: (request) => withEmulatorDefect(request, { governanceAsNodeAdmin: ['grant'] }),
  }),
  defineFault({
    name: 'unauthorised-deploy-accepted',
    description:
      "eth_sendRawTransaction is admitted without the deploy-permission rule (the emulator's defect submission): accounts without the deploy right deploy contracts",
    rewriteRequest: (request) => withEmulatorDefect(request, { skip: ['deploy-permission'] }),
  }),
  defineFault({
    name: 'frozen-contract-callable',
    description:
      "eth_sendRawTransaction is admitted without the contract-status rule (the emulator's defect submission): calls into frozen or abolished contracts are executed",
    rewriteRequest: (request) => withEmulatorDefect(request, { skip: ['contract-status'] }),
  }),
  defineFault({
    name: 'upgrade-loses-state',
    description:
      "a contract upgrade through the governance contract (upgradeContract) replaces the code but resets the contract's storage slot 0 to zero: the new version cannot read the old version's data",
    rewriteRequest: (request) => withEmulatorDefect(request, { upgradeResetsState: true }),
  }),
] as const;
