import { fail, type NodeVerdicts, pass } from './coreVerdicts.ts';

/** Verdicts with the same reason on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
const everywhere = {
  'contract-call-deterministic': pass(
    'eth_call get() at the block of set(x1) answers x1 every time, mix() answers the keccak256 chain the harness computes, one code (one endpoint: repeatability only)',
  ),
  'contract-resource-limits': pass(
    'spin() with 500000 gas is recorded with status 0x0 and gasUsed 500000, eth_call of it answers an out-of-gas error, and the next transfer is mined',
  ),
  'contract-deploy-efficiency': pass(
    'automine: each Probe deployment is readable with eth_getCode within milliseconds, well under the 5 s bound',
  ),
  'contract-code-matches-artifact': pass(
    'eth_getCode returns the artifact runtime bytecode at latest and at the deployment block, and 0x at the block before',
  ),
  'contract-storage-history': pass(
    'eth_getStorageAt and eth_call get() at past blocks return the value of that block (x1 at a, x2 at b and latest)',
  ),
  'event-logs-complete': pass(
    'receipts hold exactly the emitted Ping/Pong logs with correct blooms; eth_getLogs by range, blockHash and topics returns them in order',
  ),
} as const;

const anvil = {
  ...everywhere,
  'event-new-heads': pass(
    'the block filter delivers each new block hash once, in order, starting after the install',
  ),
  'event-filter-logs-agree': pass(
    'filter changes, filter logs and eth_getLogs agree; after eth_uninstallFilter (true) the id answers -32000 "filter not found"',
  ),
};

const hardhat = {
  ...everywhere,
  'event-new-heads': pass(
    'delivers each new block once, in order; its first poll also returns the head at install time, a tolerated and recorded deviation',
  ),
  'event-filter-logs-agree': fail(
    'eth_getFilterLogs shares the eth_getFilterChanges queue: after a poll returned the 3 matching logs, eth_getFilterLogs answers [] while eth_getLogs with the same criteria returns them',
  ),
};

const ganache = {
  ...everywhere,
  'event-new-heads': pass(
    'the block filter delivers each new block hash once, in order, starting after the install',
  ),
  'event-filter-logs-agree': pass(
    'filter changes, filter logs and eth_getLogs agree; after eth_uninstallFilter (true) the id answers "filter not found" (-32700, its code for every error)',
  ),
};

/** Expected verdicts of the contracts and events checks on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
export const contractsVerdicts: NodeVerdicts = { anvil, hardhat, ganache };
