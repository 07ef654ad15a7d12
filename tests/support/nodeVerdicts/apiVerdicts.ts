import { type Expectation, fail, type NodeVerdicts, pass } from './coreVerdicts.ts';

/** Verdicts with the same reason on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
const everywhere = {
  'api-chain-id-consistent': pass(
    'answers one eth_chainId on every call, and every transaction it holds is bound to that id (typed: chainId; legacy: EIP-155 v)',
  ),
  'api-rate-limited-authenticated': fail(
    'serves a burst of 200 eth_chainId calls, 20 in flight, without throttling one: no rate limit (requireRateLimit is the profile default)',
  ),
} as const satisfies Record<string, Expectation>;

const anvil = {
  ...everywhere,
  'api-batch-semantics': pass(
    'answers batches by id, answers no notification (HTTP 204 for notifications only) and an empty batch with one -32600; a batch holding entries that are not requests is rejected whole with one -32600, a tolerated and recorded deviation',
  ),
  'api-oversized-and-malformed-requests': pass(
    'refuses every probe with -32600/-32602 (a body over its ~2 MiB limit sometimes by closing the connection, tolerated), text/plain included, and answers eth_chainId right after each',
  ),
  'api-invalid-params-rejected': pass(
    'refuses every malformed value with -32602; reads "0x00", "0", 0, "LATEST" and unprefixed addresses and hashes exactly as their canonical forms, recorded deviations',
  ),
  'api-response-shapes': pass(
    'blocks, transactions, receipts and logs carry every execution-apis member in canonical form and agree; its receipt blockTimestamp (a JSON number, not in the specification) is recorded, not judged',
  ),
} as const satisfies Record<string, Expectation>;

const hardhat = {
  ...everywhere,
  'api-batch-semantics': fail(
    'answers a notification inside a batch with a -32600 error (id null), an empty batch with [] instead of one -32600 error, and a batch of notifications with an array of errors (JSON-RPC 2.0 §4.1, §6)',
  ),
  'api-oversized-and-malformed-requests': fail(
    'executes a valid eth_chainId sent as text/plain (a CORS-simple request any web page can send); refuses the other probes (-32602, -32603 for 100,000-deep JSON) and stays up',
  ),
  'api-invalid-params-rejected': fail(
    'answers eth_getBlockByNumber("0x", false) with the genesis block: it reads the empty quantity "0x" as 0; every other malformed value is refused',
  ),
  'api-response-shapes': pass(
    'every member has its execution-apis form and the objects agree; typed transactions lack yParity (v carries it) and blockTimestamp, recorded deviations',
  ),
} as const satisfies Record<string, Expectation>;

const ganache = {
  ...everywhere,
  'api-batch-semantics': fail(
    'executes and answers notifications (answers with no id), answers an empty batch with [], and entries that are not requests with -32700 without an id',
  ),
  'api-oversized-and-malformed-requests': fail(
    'answers eth_getBalance of a 4 MiB "address" with 0x0, a 65,536-digit block number with null, and executes text/plain requests',
  ),
  'api-invalid-params-rejected': fail(
    'answers malformed values instead of refusing them: 0x0 balances for 19/21-byte and odd-length addresses, null for 31/33-byte hashes and empty, negative or non-hex quantities, [] for a 2-byte log address, and null for an unprefixed genesis hash',
  ),
  'api-response-shapes': pass(
    'every member has its execution-apis form and the objects agree; transactions lack blockTimestamp, a recorded deviation',
  ),
} as const satisfies Record<string, Expectation>;

/** Expected verdicts of the api checks on anvil 1.7.1, Hardhat 2.29.1 and ganache 7.9.2. */
export const apiVerdicts: NodeVerdicts = { anvil, hardhat, ganache };
