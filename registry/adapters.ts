import { createEvmAdapter } from '#adapters/evm/createEvmAdapter.ts';
import type { AdapterFactory } from '#core/registry/Registry.ts';

/** Every chain family chaineval can evaluate, one line each. */
export const adapters: readonly AdapterFactory[] = [
  {
    family: 'evm',
    description:
      'Ethereum JSON-RPC endpoints (Besu, Quorum, FISCO BCOS eth-compatible, geth, anvil, Hardhat, ganache …)',
    connect: (connection) => createEvmAdapter(connection),
  },
];
