/**
 * Methods PROP-07 malforms: read-only on every Ethereum client (ethereum/execution-apis), so no
 * malformed parameter can sign, send, mine or change state. Nothing that signs (eth_sign*,
 * eth_sendTransaction, personal_*), submits (eth_sendRawTransaction), installs server-side state
 * (eth_newFilter) or controls a dev node (evm_*, anvil_*, hardhat_*, debug_*, miner_*) is listed.
 */
export const harmlessMethods = [
  'eth_blockNumber',
  'eth_chainId',
  'eth_gasPrice',
  'eth_syncing',
  'eth_getBalance',
  'eth_getCode',
  'eth_getStorageAt',
  'eth_getTransactionCount',
  'eth_getBlockByNumber',
  'eth_getBlockByHash',
  'eth_getBlockTransactionCountByNumber',
  'eth_getTransactionByHash',
  'eth_getTransactionReceipt',
  'eth_call',
  'eth_estimateGas',
  'eth_getLogs',
  'eth_feeHistory',
  'net_version',
  'web3_clientVersion',
  'web3_sha3',
] as const;

/** Prefix of the unknown methods PROP-07 calls: a namespace no client implements. */
export const unknownMethodPrefix = 'chainevalfuzz_';
