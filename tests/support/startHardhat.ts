import { fileURLToPath } from 'node:url';
import { type RunningNode, type StartNodeOptions, startNode } from './RunningNode.ts';

/** Hardhat's first default account (mnemonic "test test … junk"): the same key as anvil's first dev account. */
export const hardhatDevPrivateKey =
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80' as const;

/** Minimal config for `hardhat node`: chain id 31337, automine, default accounts, no request log. */
const configPath = fileURLToPath(new URL('./hardhat/hardhat.config.cjs', import.meta.url));

/**
 * Starts Hardhat Network (Hardhat 2.29.1, its EDR node) with `hardhat node` on 127.0.0.1 and
 * resolves once it answers JSON-RPC. About 1 s and 100 MB.
 */
export function startHardhat(options: StartNodeOptions = {}): Promise<RunningNode> {
  return startNode(
    {
      name: 'Hardhat',
      packageName: 'hardhat',
      binName: 'hardhat',
      args: (port) => ['node', '--config', configPath, '--hostname', '127.0.0.1', '--port', String(port)],
      // Hardhat refuses to run (HH12, "non-local installation") unless it resolves itself from the
      // working directory, so run it from the config's directory inside this repository.
      cwd: fileURLToPath(new URL('./hardhat/', import.meta.url)),
      // No telemetry question even if stdout were a terminal.
      env: { HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true' },
      devPrivateKey: hardhatDevPrivateKey,
      chainId: 31337,
    },
    options,
  );
}
