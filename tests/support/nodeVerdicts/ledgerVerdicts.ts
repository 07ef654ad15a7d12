import { fail, type NodeVerdicts, pass, skip } from './coreVerdicts.ts';

/** The cross-node checks need two endpoints of one network; the profile runs here have one. */
const crossNode = {
  'ledger-nodes-agree': skip('a single endpoint: the check compares nodes and needs --target twice'),
  'ledger-tx-visible-on-all-nodes': skip(
    'a single endpoint: the check compares nodes and needs --target twice',
  ),
} as const;

/** Verdicts with the same reason on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
const everywhere = {
  ...crossNode,
  'ledger-history-complete': pass(
    'serves genesis, the head and every block between, each linked to its parent',
  ),
  'ledger-state-proof-verifies': pass(
    'serves eth_getProof; the account and storage proofs verify against the state root and match the other state reads',
  ),
  'ledger-finality-no-reorg': pass(
    'keeps the block holding the transfer unchanged after the check adds 3 blocks with self-transfers',
  ),
  'ledger-growth-rate': pass('its blocks hold well under 8192 bytes per transaction'),
  'ledger-gas-used-consistent': pass('header gasUsed, cumulativeGasUsed and gasUsed add up in every block'),
  'ledger-logs-bloom-recomputes': pass("every receipt's and block's logsBloom is the bloom of its logs"),
  'consensus-finality-latency': pass('automine includes and finalises each transfer within milliseconds'),
} as const;

const anvil = {
  ...everywhere,
  'ledger-timestamps-sane': pass(
    'stamps blocks with the wall clock; blocks mined within one second share a timestamp, which is non-decreasing',
  ),
  'ledger-lookups-agree': pass(
    'every lookup by number, hash and index agrees; past the last index it answers null',
  ),
  'ledger-receipts-root-recomputes': pass(
    'every receipts root rebuilds from the receipts, failed ones included',
  ),
  'net-peer-count': skip(
    'does not serve net_peerCount (-32601 "Method not found"), so its peers cannot be observed',
  ),
  'node-sync-telemetry': fail(
    'does not serve net_peerCount (-32601 "Method not found"): the peer count cannot be collected',
  ),
} as const;

const hardhat = {
  ...everywhere,
  'ledger-timestamps-sane': fail(
    "stamps each automined block at least 1 s after its parent, so a burst of N blocks runs its block clock about N s ahead of the wall clock; the profile's burst puts it far beyond the 15 s tolerance",
  ),
  'ledger-lookups-agree': pass(
    'every lookup by number, hash and index agrees; past the last index it answers null',
  ),
  'ledger-receipts-root-recomputes': pass(
    'every receipts root rebuilds from the receipts, failed ones included',
  ),
  'net-peer-count': fail('a single node: net_peerCount answers 0x0'),
  'node-sync-telemetry': pass('answers eth_syncing false, net_peerCount 0x0 and net_listening true'),
} as const;

const ganache = {
  ...everywhere,
  'ledger-timestamps-sane': pass(
    'stamps blocks with the wall clock; blocks mined within one second share a timestamp, which is non-decreasing',
  ),
  'ledger-lookups-agree': fail(
    'eth_getTransactionByBlockNumberAndIndex/ByBlockHashAndIndex one past the last transaction answer -32700 "Cannot read properties of undefined (reading \'toJSON\')" instead of null',
  ),
  'ledger-receipts-root-recomputes': fail(
    'commits failed receipts with status encoded as the byte 0x00 instead of the empty string, so blocks holding a failed transaction carry a receiptsRoot their receipts do not rebuild to',
  ),
  'net-peer-count': fail('a single node: net_peerCount answers 0x0'),
  'node-sync-telemetry': pass('answers eth_syncing false, net_peerCount 0x0 and net_listening true'),
} as const;

/** Expected verdicts of the ledger checks on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
export const ledgerVerdicts: NodeVerdicts = { anvil, hardhat, ganache };
