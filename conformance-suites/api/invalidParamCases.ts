/** Placeholders filled at run time: a real block hash of this chain (genesis), so lookups can succeed. */
export const genesisHashToken = '$genesisHash';
const genesisHashWithoutPrefixToken = '$genesisHashWithoutPrefix';

/**
 * One API-06 case. `refuse`: the value is malformed and any success answer misreads it. `canonical`:
 * the value breaks the canonical encoding (ethereum/execution-apis base-types.yaml) but has one
 * meaning; an error is expected, and a success is tolerated and recorded only when it equals the
 * answer to the canonical form (`canonicalParams`), so a lenient node is never a misreading one.
 */
export type InvalidParamCase = {
  readonly name: string;
  readonly method: string;
  readonly params: readonly unknown[];
  readonly why: string;
} & (
  | { readonly policy: 'refuse' }
  | { readonly policy: 'canonical'; readonly canonicalParams: readonly unknown[] }
);

const someAddress = `0x${'11'.repeat(20)}`;

/**
 * API-06 cases (JR/T 0193-2020 6.10 interface management: inputs are validated). Adding a case is
 * adding a row; each states why the value is invalid.
 */
export const invalidParamCases: readonly InvalidParamCase[] = [
  {
    name: 'quantity-empty',
    method: 'eth_getBlockByNumber',
    params: ['0x', false],
    policy: 'refuse',
    why: '"0x" has no digits; a quantity is at least "0x0"',
  },
  {
    name: 'quantity-negative',
    method: 'eth_getBlockByNumber',
    params: ['-0x1', false],
    policy: 'refuse',
    why: 'quantities are unsigned',
  },
  {
    name: 'quantity-not-hex',
    method: 'eth_getBlockByNumber',
    params: ['0xzz', false],
    policy: 'refuse',
    why: '"z" is not a hex digit',
  },
  {
    name: 'quantity-over-256-bits',
    method: 'eth_getBlockByNumber',
    params: [`0x1${'0'.repeat(64)}`, false],
    policy: 'refuse',
    why: '2^256 fits no block number',
  },
  {
    name: 'block-tag-unknown',
    method: 'eth_getBalance',
    params: [someAddress, 'latests'],
    policy: 'refuse',
    why: 'the tags are earliest, finalized, safe, latest and pending',
  },
  {
    name: 'address-19-bytes',
    method: 'eth_getBalance',
    params: [`0x${'11'.repeat(19)}`, 'latest'],
    policy: 'refuse',
    why: 'an address is 20 bytes',
  },
  {
    name: 'address-21-bytes',
    method: 'eth_getBalance',
    params: [`0x${'11'.repeat(21)}`, 'latest'],
    policy: 'refuse',
    why: 'an address is 20 bytes',
  },
  {
    name: 'address-odd-length',
    method: 'eth_getBalance',
    params: [`0x${'1'.repeat(41)}`, 'latest'],
    policy: 'refuse',
    why: '41 hex digits are not whole bytes',
  },
  {
    name: 'address-not-hex',
    method: 'eth_getBalance',
    params: [`0x${'zz'.repeat(20)}`, 'latest'],
    policy: 'refuse',
    why: '"z" is not a hex digit',
  },
  {
    name: 'tx-hash-31-bytes',
    method: 'eth_getTransactionByHash',
    params: [`0x${'11'.repeat(31)}`],
    policy: 'refuse',
    why: 'a transaction hash is 32 bytes',
  },
  {
    name: 'receipt-hash-33-bytes',
    method: 'eth_getTransactionReceipt',
    params: [`0x${'11'.repeat(33)}`],
    policy: 'refuse',
    why: 'a transaction hash is 32 bytes',
  },
  {
    name: 'block-hash-31-bytes',
    method: 'eth_getBlockByHash',
    params: [`0x${'11'.repeat(31)}`, false],
    policy: 'refuse',
    why: 'a block hash is 32 bytes',
  },
  {
    name: 'storage-slot-33-bytes',
    method: 'eth_getStorageAt',
    params: [someAddress, `0x${'11'.repeat(33)}`, 'latest'],
    policy: 'refuse',
    why: 'a storage slot is at most 32 bytes',
  },
  {
    name: 'full-tx-flag-not-boolean',
    method: 'eth_getBlockByNumber',
    params: ['0x0', 'yes'],
    policy: 'refuse',
    why: 'the second parameter is a boolean',
  },
  {
    name: 'call-data-odd-length',
    method: 'eth_call',
    params: [{ to: someAddress, data: '0x123' }, 'latest'],
    policy: 'refuse',
    why: '3 hex digits are not whole bytes',
  },
  {
    name: 'log-filter-address-2-bytes',
    method: 'eth_getLogs',
    params: [{ address: '0x1234', fromBlock: '0x0', toBlock: '0x0' }],
    policy: 'refuse',
    why: 'a filter address is 20 bytes',
  },
  {
    name: 'missing-required-param',
    method: 'eth_getTransactionByHash',
    params: [],
    policy: 'refuse',
    why: 'the hash is required',
  },
  {
    name: 'quantity-leading-zero',
    method: 'eth_getBlockByNumber',
    params: ['0x00', false],
    policy: 'canonical',
    canonicalParams: ['0x0', false],
    why: 'quantities have no leading zeros ("0x0", not "0x00")',
  },
  {
    name: 'quantity-without-prefix',
    method: 'eth_getBlockByNumber',
    params: ['0', false],
    policy: 'canonical',
    canonicalParams: ['0x0', false],
    why: 'quantities are 0x-prefixed',
  },
  {
    name: 'quantity-as-json-number',
    method: 'eth_getBlockByNumber',
    params: [0, false],
    policy: 'canonical',
    canonicalParams: ['0x0', false],
    why: 'quantities are hex strings, not JSON numbers',
  },
  {
    name: 'block-tag-upper-case',
    method: 'eth_getBalance',
    params: [someAddress, 'LATEST'],
    policy: 'canonical',
    canonicalParams: [someAddress, 'latest'],
    why: 'block tags are lower case',
  },
  {
    name: 'address-without-prefix',
    method: 'eth_getBalance',
    params: ['11'.repeat(20), 'latest'],
    policy: 'canonical',
    canonicalParams: [someAddress, 'latest'],
    why: 'addresses are 0x-prefixed',
  },
  {
    name: 'block-hash-without-prefix',
    method: 'eth_getBlockByHash',
    params: [genesisHashWithoutPrefixToken, false],
    policy: 'canonical',
    canonicalParams: [genesisHashToken, false],
    why: 'hashes are 0x-prefixed',
  },
];

/** The params with the chain's genesis hash put in (with or without its 0x prefix). */
export function fillParams(params: readonly unknown[], genesisHash: string): unknown[] {
  return params.map((p) =>
    p === genesisHashToken ? genesisHash : p === genesisHashWithoutPrefixToken ? genesisHash.slice(2) : p,
  );
}
