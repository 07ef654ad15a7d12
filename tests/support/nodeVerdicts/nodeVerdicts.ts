import { type Expectation, fail, type NodeVerdicts, skip } from './coreVerdicts.ts';

/** Verdicts with the same reason on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
const everywhere = {
  'crypto-hash-function-used': fail(
    'every block and transaction hash is keccak256 of its encoding (none is SM3): the ledger uses secp256k1-keccak256, the profile requires sm2-sm3',
  ),
  'gov-software-heterogeneity': fail(
    'one endpoint is one implementation (web3_clientVersion); JR/T 0184-2020 17.3.1.6 asks for at least 3',
  ),
  // The profile run connects to the node as an external target: no node control is configured.
  'ops-restart-keeps-history': skip(
    'no node.control: the run has no node-hooks file and does not own the node',
  ),
  'consensus-crash-tolerance': skip(
    'no node.control: the run has no node-hooks file for 4 or more validators',
  ),
} as const satisfies Record<string, Expectation>;

/** Expected verdicts of the node checks on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
export const nodeVerdicts: NodeVerdicts = { anvil: everywhere, hardhat: everywhere, ganache: everywhere };
