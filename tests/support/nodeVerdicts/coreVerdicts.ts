import { keccak256, toRlp } from 'viem';
import type { CheckStatus } from '#core/checks/CheckResultSchema.ts';

export interface Expectation {
  readonly status: CheckStatus;
  /** The node's real behaviour that makes this the honest verdict. */
  readonly because: string;
}
export const pass = (because: string): Expectation => ({ status: 'pass', because });
export const fail = (because: string): Expectation => ({ status: 'fail', because });
export const skip = (because: string): Expectation => ({ status: 'skip', because });

/** Expected verdicts of one area's checks on each dev node, each with the node's real behaviour as reason. */
export interface NodeVerdicts {
  readonly anvil: Readonly<Record<string, Expectation>>;
  readonly hardhat: Readonly<Record<string, Expectation>>;
  readonly ganache: Readonly<Record<string, Expectation>>;
}

/** Root of the empty Merkle Patricia trie: keccak256(rlp("")) (Yellow Paper, Appendix D). */
export const emptyTrieRoot = keccak256(toRlp('0x'));
/** What Hardhat puts in its genesis header instead: the hash of zero bytes. */
export const keccakOfNothing = keccak256('0x');

/** Verdicts with the same reason on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
const everywhere = {
  'tx-wrong-chain-id-rejected': pass('refuses a transaction signed for chain id + 1 (EIP-155)'),
  'tx-tampered-rejected': pass(
    'refuses r = 0 as an invalid signature, and runs the altered transfer as the key its signature recovers to',
  ),
  'ledger-parent-hash-links': pass('every block names its predecessor'),
  'ledger-header-hash-recomputes': pass('every block hash is keccak256 of its RLP header'),
  'net-rpc-tls': fail('serves JSON-RPC over plain HTTP; JR/T 0184-2020 7.8 requires encryption in transit'),
  'crypto-declared-suite': fail(
    'signs with secp256k1 and hashes with keccak256, not the SM2/SM3 suite the profile requires',
  ),
  'property-transfer-model': pass('applies every transfer exactly once: balances and nonces match the model'),
  'perf-transaction-throughput': pass('automine commits every transfer of a 10 tx/s load'),
  'perf-transaction-latency': pass('automine includes each transfer well within the 5 s p95 bound'),
  'perf-query-throughput': pass(
    'answers eth_call of the identity precompile and balance reads correctly, in milliseconds',
  ),
  'perf-capacity': pass('automine keeps up with both steps of the small default search (10 and 20 tx/s)'),
} as const satisfies Record<string, Expectation>;

/** TX-02 resends the step account's first (nonce-0) transfer: it is the plan's first signing check. */
const refusesReplay = pass('refuses the resent transfer ("nonce too low"); the nonce moves once');
const recordsFailure = pass('mines the reverting call and records it with status 0');
const revertsAtomically = pass('REVERT discards the write and the event; slot 0 keeps its value');

const anvil = {
  ...everywhere,
  'tx-raw-replay-rejected': refusesReplay,
  'tx-failed-leaves-receipt': recordsFailure,
  'contract-revert-atomic': revertsAtomically,
  'ledger-transactions-root-recomputes': pass('every transactions root, genesis included, rebuilds'),
  'api-dangerous-methods-hidden': fail(
    'serves debug_traceTransaction, anvil_setBalance and hardhat_setBalance to anyone, and signs for its unlocked dev accounts',
  ),
  'api-jsonrpc-error-codes': pass(
    'answers -32601, -32602 and -32600 as specified; malformed JSON gets -32600, a tolerated and recorded deviation',
  ),
} as const satisfies Record<string, Expectation>;

const hardhat = {
  ...everywhere,
  'tx-raw-replay-rejected': refusesReplay,
  'tx-failed-leaves-receipt': pass(
    'answers the reverting send with -32603 but mines it; the check follows data.txHash to a receipt with status 0',
  ),
  'contract-revert-atomic': pass(
    'answers the reverting send with -32603 but mines it; followed by data.txHash, slot 0 and the events are untouched',
  ),
  'ledger-transactions-root-recomputes': fail(
    'its genesis header carries transactionsRoot = keccak256("") instead of the empty-trie root',
  ),
  'api-dangerous-methods-hidden': fail(
    'serves debug_traceTransaction and hardhat_setBalance to anyone, and signs for its unlocked dev accounts',
  ),
  'api-jsonrpc-error-codes': pass(
    'answers -32602, -32600 and -32700 as specified; an unknown method gets EIP-1474 -32004, a tolerated and recorded deviation',
  ),
} as const satisfies Record<string, Expectation>;

const ganache = {
  ...everywhere,
  'tx-raw-replay-rejected': fail(
    "accepts a replay of an account's nonce-0 transaction and executes it again; TX-02's transfer is the step account's first",
  ),
  'tx-failed-leaves-receipt': recordsFailure,
  'contract-revert-atomic': pass(
    'REVERT discards the write and the event; an empty slot reads "0x", which counts as zero',
  ),
  'ledger-transactions-root-recomputes': pass('every transactions root, genesis included, rebuilds'),
  'api-dangerous-methods-hidden': fail(
    'serves personal_*, debug_traceTransaction, miner_setExtra and evm_setAccountBalance to anyone, and signs for its unlocked dev accounts',
  ),
  'api-jsonrpc-error-codes': fail(
    'answers an unknown method, invalid params and a request without "method" with -32700, and malformed JSON with HTTP 400 text',
  ),
} as const satisfies Record<string, Expectation>;

/** The first checks (issues 2 and 5). */
export const coreVerdicts: NodeVerdicts = { anvil, hardhat, ganache };
