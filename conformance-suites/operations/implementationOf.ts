/** Client names whose web3_clientVersion spells them differently from the implementation's name. */
const aliases: Readonly<Record<string, string>> = {
  hardhatnetwork: 'hardhat',
  'ethereumjs testrpc': 'ganache',
};

/**
 * The node implementation a `web3_clientVersion` answer names: its first `/`-separated token, lower
 * case, without a version suffix ("Geth/v1.13.5-stable/linux-amd64/go1.21.4" → geth, "anvil/v1.7.1" →
 * anvil, "HardhatNetwork/2.29.1/@nomicfoundation/edr/0.3.8" → hardhat, "Ganache/v7.9.2/EthereumJS
 * TestRPC/…" → ganache, "besu/v23.10.2/…" → besu). Versions of one implementation are one
 * implementation. Undefined when the answer names nothing.
 */
export function implementationOf(clientVersion: unknown): string | undefined {
  if (typeof clientVersion !== 'string') return undefined;
  const first =
    clientVersion
      .split('/')[0]
      ?.trim()
      .toLowerCase()
      .replace(/[-_ ]?v?\d+(\.\d+)*.*$/, '') ?? '';
  if (!/^[a-z][a-z0-9 ._-]*$/.test(first)) return undefined;
  return aliases[first] ?? first;
}
