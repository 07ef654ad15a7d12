import { apiVerdicts } from './apiVerdicts.ts';
import { contractsVerdicts } from './contractsVerdicts.ts';
import { coreVerdicts, type Expectation, type NodeVerdicts } from './coreVerdicts.ts';
import { governanceVerdicts } from './governanceVerdicts.ts';
import { ledgerVerdicts } from './ledgerVerdicts.ts';
import { nodeVerdicts } from './nodeVerdicts.ts';
import { propertyVerdicts } from './propertyVerdicts.ts';
import { transactionsVerdicts } from './transactionsVerdicts.ts';

export { type Expectation, emptyTrieRoot, keccakOfNothing } from './coreVerdicts.ts';

const areas: readonly NodeVerdicts[] = [
  coreVerdicts,
  ledgerVerdicts,
  transactionsVerdicts,
  contractsVerdicts,
  governanceVerdicts,
  apiVerdicts,
  nodeVerdicts,
  propertyVerdicts,
];

const merged = (node: keyof NodeVerdicts): Readonly<Record<string, Expectation>> =>
  Object.assign({}, ...areas.map((area) => area[node]));

/** Every check's expected verdict on each dev node (tests/e2e/implementations.test.ts). */
export const anvilVerdicts = merged('anvil');
export const hardhatVerdicts = merged('hardhat');
export const ganacheVerdicts = merged('ganache');
