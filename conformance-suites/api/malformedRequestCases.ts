/** One API-05 probe: a request no node should act on, and why. */
export interface MalformedRequestCase {
  readonly name: string;
  /** Sent as the HTTP `content-type`. */
  readonly contentType: string;
  /** The HTTP body, built for the run's size parameter. */
  body(oversizedBytes: number): string;
  /** What is sent, in words, for evidence (bodies are too large to record). */
  readonly sends: string;
  readonly policy: string;
}

const request = (method: string, params: unknown[]) =>
  JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });

/** Depth of the nested-array probe: far beyond any real parameter, small in bytes (≈ 200 KB). */
export const nestingDepth = 100_000;
/** Hex digits of the huge quantity: a 262,144-bit number where a block number is expected. */
const hugeQuantityDigits = 65_536;
/** Bytes of garbage sent as a raw transaction. */
const garbageTransactionBytes = 262_144;

const refused =
  'refused: a JSON-RPC error object (any code) or an HTTP 4xx status; the connection closed without an answer is tolerated and recorded';

/**
 * API-05 probes (standards.md §5 CON-08: oversized and malformed input): each must be refused, and
 * the node must answer a normal request right after each. Adding a probe is adding a row.
 */
export const malformedRequestCases: readonly MalformedRequestCase[] = [
  {
    name: 'oversized-body',
    contentType: 'application/json',
    body: (bytes) => request('eth_getBalance', [`0x${'ab'.repeat(Math.floor((bytes - 80) / 2))}`, 'latest']),
    sends: 'eth_getBalance whose address is a multi-megabyte hex string (oversizedRequestBytes in all)',
    policy: `${refused}; a result means the node answered for an address that cannot exist`,
  },
  {
    name: 'deeply-nested-json',
    contentType: 'application/json',
    body: () =>
      `{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":${'['.repeat(nestingDepth)}${']'.repeat(nestingDepth)}}`,
    sends: `eth_chainId whose params are arrays nested ${nestingDepth} deep`,
    policy: `${refused}; eth_chainId takes no parameters`,
  },
  {
    name: 'huge-hex-quantity',
    contentType: 'application/json',
    body: () => request('eth_getBlockByNumber', [`0x${'f'.repeat(hugeQuantityDigits)}`, false]),
    sends: `eth_getBlockByNumber with a ${hugeQuantityDigits}-digit hex block number`,
    policy: `${refused}; no block number has ${hugeQuantityDigits * 4} bits (null would claim a lookup happened)`,
  },
  {
    name: 'garbage-raw-transaction',
    contentType: 'application/json',
    body: () => request('eth_sendRawTransaction', [`0x${'ab'.repeat(garbageTransactionBytes)}`]),
    sends: `eth_sendRawTransaction of ${garbageTransactionBytes} bytes that decode to no transaction`,
    policy: `${refused}; a transaction hash would mean garbage entered the pool`,
  },
  {
    name: 'wrong-content-type',
    contentType: 'text/plain',
    body: () => request('eth_chainId', []),
    sends: 'a valid eth_chainId declared as text/plain',
    policy:
      `${refused}. A text/plain POST is a "simple" cross-origin request browsers send without a CORS preflight, so ` +
      'a node that executes it can be driven by any web page its operator opens (geth answers 415)',
  },
  {
    name: 'not-json',
    contentType: 'application/xml',
    body: () => '<?xml version="1.0"?><methodCall><methodName>eth_chainId</methodName></methodCall>',
    sends: 'an XML-RPC document',
    policy: refused,
  },
];
