import { type Expectation, type NodeVerdicts, skip } from './coreVerdicts.ts';

/**
 * The capability-gated checks on a plain dev node: the adapter is not configured with a consensus
 * engine or a governance interface (none of the three has one), so every check skips with
 * `unsupported-capability` before it sends anything. What the nodes answer when asked anyway
 * (probed 2026-11-30): anvil 1.7.1 answers qbft_getValidatorsByBlockNumber and clique_getSigners with
 * -32601 "Method not found"; Hardhat 2.29.1 with -32004 "Method … is not supported"; ganache 7.9.2
 * with -32700 "The method … does not exist/is not available". None carries seals in extraData
 * (anvil and ganache "0x"; Hardhat's genesis "0x1234"), all mine with coinbase 0x0…0, and any funded
 * key may deploy and transact: there is no freeze, deploy right or contract status to probe.
 */
const noValidatorSet = (node: string): Expectation =>
  skip(
    `adapter lacks consensus.validators: ${node} is a single dev node with no validator set, no validator API and no seals in its blocks`,
  );
const noGovernance = (capability: string, feature: string): Expectation =>
  skip(`adapter lacks ${capability}: a dev node has no governance interface, so no ${feature} to probe`);

const verdicts = (node: string): Readonly<Record<string, Expectation>> => ({
  'consensus-validator-set': noValidatorSet(node),
  'consensus-blocks-sealed': noValidatorSet(node),
  'gov-account-freeze': noGovernance('governance.freeze', 'account freeze'),
  'gov-intervention-authorised': noGovernance('governance.freeze', 'intervention right'),
  'gov-intervention-recorded': noGovernance('governance.freeze', 'intervention record'),
  'gov-role-separation': noGovernance('perm.write', 'role or permission'),
  'contract-deploy-permissioned': noGovernance('perm.write', 'deploy right (any funded key deploys)'),
  'contract-freeze-lifecycle': noGovernance('contract.lifecycle', 'contract freeze or abolition'),
  'contract-upgrade-keeps-history': noGovernance('contract.lifecycle', 'platform upgrade of a contract'),
});

/** Expected verdicts of the capability-gated checks on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
export const governanceVerdicts: NodeVerdicts = {
  anvil: verdicts('anvil 1.7.1'),
  hardhat: verdicts('Hardhat 2.29.1'),
  ganache: verdicts('ganache 7.9.2'),
};
