/**
 * A chain id that is not `chainId`: the next number for numeric ids (EVM, EIP-155), a suffixed name
 * otherwise (ChainMaker-style chain names).
 */
export function foreignChainId(chainId: string): string {
  return /^\d+$/.test(chainId) ? (BigInt(chainId) + 1n).toString() : `${chainId}-other`;
}
