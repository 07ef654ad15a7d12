import type { NodeVerdicts } from './coreVerdicts.ts';

/** Expected verdicts of the ledger checks on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
export const ledgerVerdicts: NodeVerdicts = { anvil: {}, hardhat: {}, ganache: {} };
