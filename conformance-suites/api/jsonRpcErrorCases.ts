/** How a case reaches the node: a well-formed call, or a body sent verbatim. */
export type JsonRpcProbe =
  | { readonly kind: 'call'; readonly method: string; readonly params: readonly unknown[] }
  | { readonly kind: 'body'; readonly body: string };

/** One API-02 case: what is sent, which codes pass, and the comparison policy in words. */
export interface JsonRpcErrorCase {
  readonly name: string;
  readonly probe: JsonRpcProbe;
  /** Codes the specification names for this case. */
  readonly expectedCodes: readonly number[];
  /** Codes accepted with a recorded deviation, and why the deviation is tolerated. */
  readonly tolerated: readonly { readonly code: number; readonly deviation: string }[];
  /** The comparison policy for this case, stated as hive's rpc-compat fixtures do. */
  readonly policy: string;
}

/**
 * API-02 cases: JSON-RPC 2.0 §5.1 error codes (https://www.jsonrpc.org/specification#error_object).
 * Every case compares the error code only; messages are free text and ignored, as hive's rpc-compat
 * runner redacts them. Adding a case is adding a row.
 */
export const jsonRpcErrorCases: readonly JsonRpcErrorCase[] = [
  {
    name: 'unknown-method',
    probe: { kind: 'call', method: 'chaineval_noSuchMethod', params: [] },
    expectedCodes: [-32601],
    tolerated: [
      {
        code: -32004,
        deviation:
          'answered -32004 "Method not supported" (EIP-1474) instead of -32601 (Hardhat does this); tolerated ' +
          'because EIP-1474 defines it for Ethereum clients and a client still learns the method cannot be called',
      },
    ],
    policy:
      'code -32601 "Method not found"; -32004 (EIP-1474) accepted as a recorded deviation; message ignored',
  },
  {
    name: 'invalid-params',
    probe: { kind: 'call', method: 'eth_getBalance', params: ['nothex', 'latest'] },
    expectedCodes: [-32602],
    tolerated: [],
    policy: 'exact code -32602 "Invalid params" for an address that is not hex; message ignored',
  },
  {
    name: 'invalid-request',
    probe: { kind: 'body', body: '{"jsonrpc":"2.0","id":1}' },
    expectedCodes: [-32600],
    tolerated: [],
    policy: 'exact code -32600 "Invalid Request" for a valid JSON object without "method"; message ignored',
  },
  {
    name: 'parse-error',
    probe: { kind: 'body', body: '{"jsonrpc":"2.0","id":1,"method":' },
    expectedCodes: [-32700],
    tolerated: [
      {
        code: -32600,
        deviation:
          'answered -32600 Invalid Request instead of -32700 Parse error (anvil does this); tolerated because ' +
          'the client still gets a bad-request-class error it can tell apart from a method or params fault',
      },
    ],
    policy:
      'code -32700 "Parse error" for malformed JSON; -32600 accepted as a recorded deviation; message ignored',
  },
];
