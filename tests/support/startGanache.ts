import { type RunningNode, type StartNodeOptions, startNode } from './RunningNode.ts';

/** The mnemonic ganache uses with `--wallet.deterministic`. */
export const ganacheDeterministicMnemonic =
  'myth like bonus scare over problem client lizard pioneer submit female collect' as const;

/**
 * First account of that mnemonic (m/44'/60'/0'/0/0, address 0x90F8bf6A479f320ead074411a4B0e7944Ea8c9C1),
 * funded with 1000 ETH at genesis.
 */
export const ganacheDevPrivateKey =
  '0x4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d' as const;

/**
 * Starts ganache 7.9.2 (deprecated upstream, still works) on 127.0.0.1 with its deterministic
 * wallet, instamine and its default chain id 1337, and resolves once it answers JSON-RPC.
 */
export function startGanache(options: StartNodeOptions = {}): Promise<RunningNode> {
  return startNode(
    {
      name: 'ganache',
      packageName: 'ganache',
      binName: 'ganache',
      args: (port) => [
        '--server.host',
        '127.0.0.1',
        '--server.port',
        String(port),
        '--wallet.deterministic',
        // No per-request log lines (the start-up banner is still printed, and discarded).
        '--logging.quiet',
      ],
      devPrivateKey: ganacheDevPrivateKey,
      chainId: 1337,
    },
    options,
  );
}
